import StudyModel
import StudyStore

enum ExamCases {
    static func makeExam(owner: String, contentId: String, at offset: Int) -> Exam {
        let questions = (0..<3).map { q in
            Question(id: "q\(q)", kind: .multipleChoice, prompt: "Question \(q)?", options: ["a", "b", "c", "d"],
                     correctOptions: [q % 4], sourceSentence: "Sentence \(q).")
        }
        return Exam(owner: owner, contentId: contentId, title: "Exam \(offset)", questions: questions, createdAt: time(offset * 1000))
    }

    static func attempts(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        var exams: [Exam] = []
        for i in 0..<4 {
            exams.append(try await store.exams.create(makeExam(owner: "t-\(tag)", contentId: "c-\(tag)-\(i % 2)", at: i)))
        }
        let byOwner = try await collect(pageSize: 3) { try await store.exams.list(owner: "t-\(tag)", $0) }
        try expectEqual(byOwner.map(\.id), exams.reversed().map(\.id), "by owner newest first")
        let byContent = try await collect(pageSize: 1) { try await store.exams.list(contentId: "c-\(tag)-1", $0) }
        try expectEqual(byContent.map(\.id), [exams[3].id, exams[1].id], "by content newest first")

        let exam = exams[0]
        var recorded: [ExamAttempt] = []
        for i in 0..<5 {
            let answers = exam.questions.enumerated().map { q, question in
                ExamAttempt.Answer(questionId: question.id, selectedOptions: [0], correct: q < i % 4)
            }
            let attempt = ExamAttempt(examId: exam.id, userId: "s-\(tag)-\(i % 2)", answers: answers,
                                      score: Double(i * 20), startedAt: time(i * 1000), finishedAt: time(i * 1000 + 500))
            recorded.append(attempt)
            _ = try await store.exams.record(attempt)
        }
        // Recording the same attempt again must not count it twice.
        let after = try await store.exams.record(recorded[2])
        try expectEqual(after.attempts.count, 5, "attempt count")
        try expectEqual(after.attempts.bestScore, 80, "best score")
        try expectEqual(after.attempts.lastScore, 80, "last score")
        try expectEqual(after.analytics.answered["q0"], 5, "q0 answered")
        try expectEqual(after.analytics.correct["q0"], 3, "q0 right")
        try expectEqual(try await store.exams.get(id: exam.id)?.attempts.count, 5, "aggregates stored")

        let listed = try await collect(pageSize: 2) { try await store.exams.attempts(examId: exam.id, userId: nil, $0) }
        try expectEqual(listed.map(\.id), recorded.reversed().map(\.id), "attempts newest first")
        let mine = try await collect(pageSize: 2) { try await store.exams.attempts(examId: exam.id, userId: "s-\(tag)-0", $0) }
        try expectEqual(mine.map(\.id), [recorded[4].id, recorded[2].id, recorded[0].id], "one student's attempts")
        try expectEqual(mine.first?.answers.count, 3, "answers stored")

        try await expectStoreError("attempt for a missing exam", { if case .notFound = $0 { return true }; return false }) {
            try await store.exams.record(ExamAttempt(examId: "missing-\(tag)", userId: "s", answers: [], score: 0, startedAt: time(0)))
        }
        try await store.exams.delete(id: exam.id)
        try expectEqual(try await store.exams.get(id: exam.id), nil, "exam deleted")
        try expectEqual(try await store.exams.attempts(examId: exam.id, userId: nil, .first).items.count, 0, "attempts deleted")
        try await expectStoreError("exam without questions", { if case .invalid = $0 { return true }; return false }) {
            try await store.exams.create(Exam(owner: "t", contentId: "c", title: "Empty", questions: []))
        }
    }
}

enum TemplateCases {
    static func all(_ store: StudyStore) async throws {
        let tag = uniqueTag()
        var made: [Template] = []
        for i in 0..<6 {
            let template = Template(
                name: "Template \(i)", type: i % 2 == 0 ? .summary : .exam, category: "cat-\(tag)",
                summaryConfig: i % 2 == 0 ? Template.SummaryConfig(summaryType: .brief) : nil,
                examConfig: i % 2 == 0 ? nil : Exam.Configuration(questionCount: 5),
                isPublic: i < 4, createdBy: "u-\(tag)-\(i % 3)", createdAt: time(2_000_000 + i * 1000))
            made.append(try await store.templates.create(template))
        }
        let byCreator = try await collect(pageSize: 1) { try await store.templates.list(createdBy: "u-\(tag)-0", $0) }
        try expectEqual(byCreator.map(\.id), [made[3].id, made[0].id], "by creator newest first")
        let summaries = try await collect(pageSize: 2) { try await store.templates.list(type: .summary, category: "cat-\(tag)", $0) }
        try expectEqual(summaries.map(\.id), [made[4].id, made[2].id, made[0].id], "by type and category")
        let publicOnes = try await collect(pageSize: 50) { try await store.templates.listPublic($0) }
        let ours = publicOnes.filter { $0.category == "cat-\(tag)" }
        try expectEqual(ours.map(\.id), [made[3].id, made[2].id, made[1].id, made[0].id], "public newest first, private hidden")
        for (a, b) in zip(publicOnes, publicOnes.dropFirst()) {
            try expect(a.createdAt >= b.createdAt, "public list is newest first throughout")
        }
        _ = try await store.templates.recordUse(id: made[0].id)
        let used = try await store.templates.recordUse(id: made[0].id)
        try expectEqual(used.usage.count, 2, "usage counted")
        _ = try await store.templates.rate(id: made[0].id, userId: "rater-a-\(tag)", score: 5)
        let rated = try await store.templates.rate(id: made[0].id, userId: "rater-b-\(tag)", score: 2)
        try expectEqual(rated.ratings.count, 2, "ratings counted")
        try expectEqual(rated.ratings.average, 3.5, "ratings averaged")
        try await expectStoreError("rating 6", { if case .invalid = $0 { return true }; return false }) {
            try await store.templates.rate(id: made[0].id, userId: "rater-a-\(tag)", score: 6)
        }
        try await expectStoreError("use of a missing template", { if case .notFound = $0 { return true }; return false }) {
            try await store.templates.recordUse(id: "missing-\(tag)")
        }
        var priv = made[1]
        priv.isPublic = false
        _ = try await store.templates.update(priv)
        let publicAfter = try await collect(pageSize: 50) { try await store.templates.listPublic($0) }
        try expect(!publicAfter.contains { $0.id == priv.id }, "made private leaves the public list")
        try await store.templates.delete(id: made[5].id)
        try expectEqual(try await store.templates.get(id: made[5].id), nil, "deleted")
    }
}
