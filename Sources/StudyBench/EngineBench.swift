import Foundation
import StudyEngine
import StudyModel

/// Study engine benchmarks: speed on a 1 MB document, and summary quality (ROUGE) on the
/// development sets in `shared/eval/summaries` against the LEAD baselines, for each half of
/// each set (rows split by index parity: tune on `even`, check on the held-out `odd`).
///
/// Prints `name value unit` lines. ROUGE is computed by `scripts/rouge_eval.py` (Python
/// package `rouge-score`); the shared folder is found through `STUDYCIRCLE_SHARED` or by
/// looking for `shared/eval/summaries` in the current directory and its parents (so both
/// `<repo>/../shared` and `<repo>/shared` work). Whatever is missing is reported on a skip
/// line, never as an error.
///
/// `STUDYBENCH_TUNING="positionWeight=0.7,mmrLambda=0.6"` overrides ranking knobs for a run
/// (to tune on the even half without rebuilding); `STUDYBENCH_ROUGE_ONLY=1` skips the timings,
/// `STUDYBENCH_SPEED_ONLY=1` skips ROUGE (for profiling the engine alone).
func runEngineBench() throws {
    let environment = ProcessInfo.processInfo.environment
    if environment["STUDYBENCH_ROUGE_ONLY"] == nil { try EngineBench.timings() }
    guard environment["STUDYBENCH_SPEED_ONLY"] == nil else { return }
    try EngineBench.rouge(tuning: EngineBench.tuning(from: environment["STUDYBENCH_TUNING"] ?? ""))
}

enum EngineBench {
    // MARK: - Speed

    static func timings() throws {
        let document = BenchCorpus.document(bytes: 1_048_576)
        let summarizer = Summarizer(options: SummaryOptions(type: .brief))
        var summaryTimes: [Double] = []
        var examTimes: [Double] = []
        var questions = 0
        for _ in 0..<3 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try summarizer.summarize(document)
            let t1 = DispatchTime.now().uptimeNanoseconds
            let draft = try ExamGenerator(configuration: Exam.Configuration(questionCount: 20)).generate(from: document)
            let t2 = DispatchTime.now().uptimeNanoseconds
            questions = draft.questions.count
            summaryTimes.append(Double(t1 - t0) / 1e6)
            examTimes.append(Double(t2 - t1) / 1e6)
        }
        print(String(format: "engine_summarize_1mb %.1f ms", summaryTimes.min() ?? 0))
        print(String(format: "engine_exam20_1mb %.1f ms", examTimes.min() ?? 0))
        print("engine_exam20_1mb_questions \(questions) questions")
    }

    // MARK: - Quality

    /// Default tuning with `name=value` overrides, comma-separated; unknown names are reported.
    static func tuning(from spec: String) -> RankingTuning {
        var tuning = RankingTuning()
        for pair in spec.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Double(parts[1]) else { continue }
            switch parts[0] {
            case "damping": tuning.damping = value
            case "positionScale": tuning.positionScale = value
            case "positionWeight": tuning.positionWeight = value
            case "centroidWeight": tuning.centroidWeight = value
            case "nameBoost": tuning.nameBoost = value
            case "mmrLambda": tuning.mmrLambda = value
            case "edgeThreshold": tuning.edgeThreshold = value
            case "minWords": tuning.minWords = Int(value)
            case "comfortableMaxWords": tuning.comfortableMaxWords = Int(value)
            default: print("tuning_skipped 0 n/a  # unknown knob \(parts[0])")
            }
        }
        return tuning
    }

    struct EvalRow: Decodable {
        var id: String
        var text: String
        var summary: String
        var summary_sentences: [String]?
        var text_sentences: [String]?
    }

    struct Prediction: Encodable {
        var set: String
        /// "even" or "odd": the row's index parity. Tune on the even half; the odd half is
        /// held out and shows whether a change generalises to unseen articles.
        var half: String
        var system: String
        var id: String
        var prediction: String
        var reference: String
    }

    static func rouge(tuning: RankingTuning) throws {
        guard let shared = sharedDirectory() else {
            print("rouge_skipped 0 n/a  # shared/eval/summaries not found; set STUDYCIRCLE_SHARED to the shared folder")
            return
        }
        guard let script = scriptPath() else {
            print("rouge_skipped 0 n/a  # scripts/rouge_eval.py not found; run the bench from the repository root")
            return
        }
        var predictions: [Prediction] = []
        for (name, file, count) in [("cnndm", "cnndm-dev.jsonl", 3), ("xsum", "xsum-dev.jsonl", 1)] {
            let url = shared.appendingPathComponent("eval/summaries/\(file)")
            guard let data = try? Data(contentsOf: url) else {
                print("rouge_skipped 0 n/a  # cannot read \(url.path)")
                continue
            }
            let rows = try data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }
                .map { try JSONDecoder().decode(EvalRow.self, from: Data($0)) }
            predictions += try predict(rows: rows, set: name, count: count, tuning: tuning)
        }
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("studycircle-rouge-\(ProcessInfo.processInfo.processIdentifier).jsonl")
        let encoder = JSONEncoder()
        var lines = Data()
        for prediction in predictions {
            lines.append(try encoder.encode(prediction))
            lines.append(UInt8(ascii: "\n"))
        }
        try lines.write(to: output)
        defer { try? FileManager.default.removeItem(at: output) }
        print(runPython(script: script, argument: output.path), terminator: "")
    }

    static func predict(rows: [EvalRow], set: String, count: Int, tuning: RankingTuning) throws -> [Prediction] {
        let summarizer = Summarizer(options: SummaryOptions(type: .brief, sentences: count, tuning: tuning))
        var out: [Prediction] = []
        for (position, row) in rows.enumerated() {
            let half = position % 2 == 0 ? "even" : "odd"
            let reference = (row.summary_sentences ?? [row.summary]).joined(separator: "\n")
            let document = try StudyDocument(text: row.text)
            let ours = summarizer.summarize(document).sentences.map(\.text).joined(separator: "\n")
            // LEAD-n from the data set's own sentence split, as its README computes it: the
            // baseline must not move with our splitter (a caption we cut off would become "lead").
            let lead = (row.text_sentences ?? document.sentences.map(\.text)).prefix(count).joined(separator: "\n")
            out.append(Prediction(set: set, half: half, system: "ours", id: row.id, prediction: ours, reference: reference))
            out.append(Prediction(set: set, half: half, system: "lead\(count)", id: row.id, prediction: lead,
                                  reference: reference))
        }
        return out
    }

    static func sharedDirectory() -> URL? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["STUDYCIRCLE_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath)
        for _ in 0..<6 {
            for candidate in [dir.appendingPathComponent("shared"), dir] {
                if fm.fileExists(atPath: candidate.appendingPathComponent("eval/summaries").path) { return candidate }
            }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    static func scriptPath() -> String? {
        let fm = FileManager.default
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath)
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("scripts/rouge_eval.py").path
            if fm.fileExists(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    static func runPython(script: String, argument: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, argument]
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            return "rouge_skipped 0 n/a  # python3 could not be started: \(error)\n"
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return "rouge_skipped 0 n/a  # rouge_eval.py failed with status \(process.terminationStatus)\n"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
