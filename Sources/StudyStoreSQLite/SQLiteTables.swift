import Foundation
import GRDB
import StudyModel
import StudyStore

/// The mapping of each entity to its table.
enum Tables {
    static let users = DocumentTable<User>(
        table: "users", entity: "user", keyColumn: "id", columns: ["usernameKey", "emailKey", "createdAt"],
        key: { $0.id }, values: { [Username.key($0.username), $0.email.lowercased(), $0.createdAt.iso8601] },
        uniqueFields: { [("usernameKey", "username", $0.username), ("emailKey", "email", $0.email)] })

    /// The text lives in its own column (for full-text search), not twice in `data`.
    static let content = DocumentTable<Content>(
        table: "content", entity: "document", keyColumn: "id",
        columns: ["owner", "category", "createdAt", "title", "sourceText"],
        key: { $0.id },
        values: { [$0.owner, $0.category, $0.createdAt.iso8601, $0.title, $0.sourceText] },
        extraSelect: ["sourceText"],
        encode: { item in
            var copy = item
            copy.sourceText = ""
            return String(decoding: try JSONEncoder().encode(copy), as: UTF8.self)
        },
        decode: { row in
            let text: String = row["data"]
            var item = try JSONDecoder().decode(Content.self, from: Data(text.utf8))
            item.sourceText = row["sourceText"]
            return item
        })

    static let summaries = DocumentTable<Summary>(
        table: "summaries", entity: "summary", keyColumn: "id", columns: ["owner", "contentId", "createdAt"],
        key: { $0.id }, values: { [$0.owner, $0.contentId, $0.createdAt.iso8601] })

    static let exams = DocumentTable<Exam>(
        table: "exams", entity: "exam", keyColumn: "id", columns: ["owner", "contentId", "createdAt"],
        key: { $0.id }, values: { [$0.owner, $0.contentId, $0.createdAt.iso8601] })

    static let attempts = DocumentTable<ExamAttempt>(
        table: "exam_attempts", entity: "exam attempt", keyColumn: "id", columns: ["examId", "userId", "finishedAt"],
        key: { $0.id }, values: { [$0.examId, $0.userId, $0.finishedAt.iso8601] })

    static let templates = DocumentTable<Template>(
        table: "templates", entity: "template", keyColumn: "id",
        columns: ["createdBy", "type", "category", "isPublic", "createdAt"],
        key: { $0.id }, values: { [$0.createdBy, $0.type.rawValue, $0.category, $0.isPublic ? 1 : 0, $0.createdAt.iso8601] })

    static let rooms = DocumentTable<ChatRoom>(
        table: "chat_rooms", entity: "room", keyColumn: "roomId", columns: ["name", "createdAt", "nameKey"],
        key: { $0.roomId }, values: { [$0.name, $0.createdAt.iso8601, $0.nameKey] },
        uniqueFields: { [("nameGuard", "name", $0.name)] })

    static let meetings = DocumentTable<Meeting>(
        table: "meetings", entity: "meeting", keyColumn: "meetingId",
        columns: ["roomId", "organizer", "status", "scheduledTime", "createdAt"],
        key: { $0.meetingId },
        values: { [$0.roomId, $0.organizer, $0.status.rawValue, $0.scheduledTime.iso8601, $0.createdAt.iso8601] })

    static let projects = DocumentTable<Project>(
        table: "projects", entity: "project", keyColumn: "projectId", columns: ["roomId", "createdBy", "status", "createdAt"],
        key: { $0.projectId }, values: { [$0.roomId, $0.createdBy, $0.status.rawValue, $0.createdAt.iso8601] })
}
