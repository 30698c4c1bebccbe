import Foundation
import Testing
@testable import StudyEngine

@Suite struct TextTests {
    @Test func tokensFoldCaseAndAccentsAcrossScripts() {
        let tokens = Tokenizer.tokens("Élan VITAL, Москва and 1,000 cells; 3.14")
        #expect(tokens.map(\.folded) == ["elan", "vital", "москва", "and", "1000", "cells", "3.14"])
        #expect(tokens.filter { $0.kind == .number }.count == 2)
    }

    @Test func asciiAndUnicodePathsAgree() {
        let ascii = "Cells,energy and 1,000 or 3.14; it's Locke's 3D model."
        #expect(Tokenizer.tokens(ascii).map(\.folded) == ["cells", "energy", "and", "1000", "or", "3.14", "it", "locke", "3d", "model"])
        // The same sentence with one non-ASCII character goes the Unicode way.
        let unicode = ascii + " é"
        #expect(Tokenizer.tokens(unicode).map(\.folded) == Tokenizer.tokens(ascii).map(\.folded) + ["e"])
        #expect(Tokenizer.tokens("Names Here").map(\.capitalised) == [true, true])
    }

    @Test func cjkCharactersAndBigramsAreTokens() {
        let tokens = Tokenizer.tokens("光合作用")
        #expect(tokens.filter { $0.kind == .cjk }.map(\.folded) == ["光", "合", "光合", "作", "合作", "用", "作用"])
    }

    @Test func possessivesAndApostrophes() {
        #expect(Tokenizer.tokens("Locke’s team didn't").map(\.folded) == ["locke", "team", "didn't"])
    }

    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"), ("agreed", "agre"), ("plastered", "plaster"),
        ("motoring", "motor"), ("hopping", "hop"), ("happy", "happi"), ("relational", "relat"),
        ("conditional", "condit"), ("generalization", "gener"), ("electricity", "electr"), ("adjustment", "adjust"),
        ("running", "run"), ("cells", "cell"), ("is", "is"),
    ])
    func porterStemmer(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    @Test func invalidUTF8IsAClearError() {
        let bytes: [UInt8] = Array("Good text ".utf8) + [0xC3, 0x28] + Array(" more".utf8)
        #expect(throws: EngineError.invalidUTF8(byteOffset: 10)) { try TextInput.decode(bytes) }
        #expect(throws: EngineError.invalidUTF8(byteOffset: 0)) { try TextInput.decode(Data([0xFF, 0xFE, 0x41])) }
        do {
            _ = try Summarizer().summarize(data: Data([0x41, 0x80]))
            Issue.record("expected an error")
        } catch let error as EngineError {
            #expect(error.description.contains("not valid UTF-8"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func binaryAndBOM() throws {
        #expect(throws: EngineError.binaryContent(byteOffset: 3)) { try TextInput.decode([0x25, 0x50, 0x44, 0x00]) }
        #expect(try TextInput.decode([0xEF, 0xBB, 0xBF] + Array("Hi".utf8)) == "Hi")
        #expect(try TextInput.decode([UInt8]()) == "")
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: EngineError.unreadableFile(path: "/nonexistent/notes.md", reason: "no such file")) {
            try TextInput.readFile(atPath: "/nonexistent/notes.md")
        }
    }

    @Test func emptyDocumentIsAnError() {
        #expect(throws: EngineError.emptyDocument) { try StudyDocument(text: "  \n ") }
        #expect(throws: EngineError.emptyDocument) { try Summarizer().summarize("") }
        #expect(throws: EngineError.emptyDocument) { try ExamGenerator().generate(from: "") }
    }
}
