import Foundation
import StudyModel
import StudyStore
import TestSupport
import Testing

@Suite struct ImporterTests {
    let importer = DocumentImporter(pdftotextPath: nil)

    func reason(_ path: String) -> String? {
        do {
            _ = try importer.document(from: path, owner: "u")
            return nil
        } catch let error as ImportError {
            return error.reason
        } catch {
            return "\(error)"
        }
    }

    @Test func badFilesAreRefusedWithClearReasons() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try Data([0x48, 0x69, 0xC3, 0x28, 0x21]).write(to: URL(fileURLWithPath: dir.path("latin.txt")))
        try Data().write(to: URL(fileURLWithPath: dir.path("empty.txt")))
        try Data("  \n\n\t ".utf8).write(to: URL(fileURLWithPath: dir.path("blank.md")))
        try Data([0x25, 0x50, 0x44, 0x46]).write(to: URL(fileURLWithPath: dir.path("paper.pdf")))
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir.path("sheet.xlsx")))
        _ = FileManager.default.createFile(atPath: dir.path("huge.txt"), contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir.path("huge.txt")))
        let chunk = Data(repeating: 0x61, count: 1_048_576)
        for _ in 0..<50 { handle.write(chunk) }
        try handle.close()

        #expect(reason(dir.path("latin.txt"))?.contains("not valid UTF-8 text (bad byte at offset 2)") == true)
        #expect(reason(dir.path("empty.txt"))?.contains("empty") == true)
        #expect(reason(dir.path("blank.md"))?.contains("empty") == true)
        #expect(reason(dir.path("huge.txt"))?.contains("50 MB") == true)
        #expect(reason(dir.url.path)?.contains("is a folder") == true)
        #expect(reason(dir.path("missing.txt"))?.contains("no such file") == true)
        #expect(reason(dir.path("paper.pdf"))?.contains("pdftotext") == true)
        #expect(reason(dir.path("sheet.xlsx"))?.contains(".xlsx") == true)
    }

    @Test func markdownTitleAndMetadata() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("cells.md")
        try Data("\u{FEFF}# Cell Biology\n\nCells are the unit of life.\n".utf8).write(to: URL(fileURLWithPath: path))
        let doc = try importer.document(from: path, owner: "u", category: "biology")
        #expect(doc.title == "Cell Biology")
        #expect(doc.contentType == .markdown)
        #expect(doc.category == "biology")
        #expect(doc.sourceMetadata.fileName == "cells.md")
        #expect(doc.sourceMetadata.wordCount == 9)
        #expect(!doc.sourceText.hasPrefix("\u{FEFF}"))
    }

    @Test func pdfThroughPdftotextWhenInstalled() throws {
        guard let tool = DocumentImporter.findExecutable("pdftotext") else { return }
        let dir = try TempDir()
        defer { dir.cleanup() }
        // A minimal one-page PDF with the text "Hello PDF".
        let pdf = MinimalPDF.make(text: "Hello PDF")
        try pdf.write(to: URL(fileURLWithPath: dir.path("hello.pdf")))
        let doc = try DocumentImporter(pdftotextPath: tool).document(from: dir.path("hello.pdf"), owner: "u")
        #expect(doc.sourceText.contains("Hello PDF"))
        #expect(doc.contentType == .pdf)
    }
}

/// Writes a valid single-page PDF with one line of text (correct xref offsets).
enum MinimalPDF {
    static func make(text: String) -> Data {
        let stream = "BT /F1 24 Tf 72 720 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}
