import Foundation
import Testing
import Yams
@testable import EtudeCore

/// `YAMLEntryMemo` composes a file from parts; the tree must be Yams's for the whole file,
/// marks, tags and styles included, or no tree at all.
@Suite struct YAMLEntryMemoTests {
    /// Every node with its mark, tag, style and text.
    static func dump(_ node: Node?) -> String {
        guard let node else { return "nil" }
        let mark = node.mark.map { "@\($0.line):\($0.column)" } ?? "@-"
        let head = "\(mark) \(node.tag) "
        switch node {
        case .scalar(let scalar):
            return "S" + head + "\(scalar.style.rawValue) \(scalar.string.debugDescription)"
        case .mapping(let mapping):
            let pairs: [String] = mapping.map { pair in dump(pair.key) + ": " + dump(pair.value) }
            return "M" + head + "\(mapping.style.rawValue) {" + pairs.joined(separator: ", ") + "}"
        case .sequence(let sequence):
            let items: [String] = sequence.map { dump($0) }
            return "L" + head + "\(sequence.style.rawValue) [" + items.joined(separator: ", ") + "]"
        }
    }

    /// The memo's tree is Yams's, or nil; nil whenever Yams fails. Returns whether it made one.
    @discardableResult
    static func check(_ memo: YAMLEntryMemo, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        var whole: Node?, wholeFailed = false
        do { whole = try Yams.compose(yaml: text) } catch { wholeFailed = true }
        guard let parts = memo.compose(text) else { return false }
        #expect(!wholeFailed, "the memo composed YAML that Yams refuses:\n\(text)", sourceLocation: sourceLocation)
        #expect(dump(parts) == dump(whole), "for:\n\(text)", sourceLocation: sourceLocation)
        return true
    }

    @Test func theStudysFiguresAreComposedAsYamsComposesThem() throws {
        let text = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("data/figures.yaml"), encoding: .utf8)
        let memo = YAMLEntryMemo()
        #expect(Self.check(memo, text))
        #expect(memo.composed > 20)
        // One value changed: one part parsed again.
        let changed = text.replacingOccurrences(of: "value: 53", with: "value: 54")
        try #require(changed != text)
        #expect(Self.check(memo, changed))
        #expect(memo.composed == 1)
        // A line added above every entry: every part is at another line, so parsed again.
        #expect(Self.check(memo, "# one more line\n" + changed))
        #expect(memo.composed > 20)
    }

    @Test func everyYAMLFileOfTheTestsIsComposedAsYamsComposesIt() throws {
        let files = FileManager.default.enumerator(at: TestSupport.repositoryRoot.appendingPathComponent("Tests"), includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" } ?? []
        #expect(files.count > 10)
        var made = 0
        for file in files {
            // Too deep for Yams's stack: refused before parsing (`YAMLDepthGuard`).
            guard let text = try? String(contentsOf: file, encoding: .utf8), YAMLDepthGuard.check(text) == nil else { continue }
            if Self.check(YAMLEntryMemo(), text) { made += 1 }
        }
        #expect(made > files.count / 2)
    }

    @Test func whatCannotBeCutIsLeftToYams() {
        let memo = YAMLEntryMemo()
        for text in [
            "a: &x 1\nb: *x\n", "a:\n\tb: 1\n", "a:\r\n  b: 1\r\n", "\u{FEFF}a:\n  b: 1\n", "%YAML 1.1\n---\na: 1\n",
            "---\na: 1\n", "a: 1\n...\n", "a:\n  b: \"open\n  c: 1\n", "a:\n  b: 1\n c: 2\n", "- a\n- b\n", "  a: 1\n",
            "a:\n  - 1\n  - 2\n", "a: 1\u{2028}b: 2\n", "", "# only a comment\n",
            // Found by the fuzzer: a part that is a flow mapping, and a control character in a comment.
            "# c\n{{ x }}#   23: 5\n# d\nsources:\n  a: 1\n", "#\u{0B}# c\nsources:\n  a: 1\n", "sources:\n# \u{7F}\n  a: 1\n",
        ] {
            #expect(memo.compose(text) == nil, "\(text.debugDescription)")
        }
    }

    /// Seeded files of entries written every way YAML allows, edited one entry at a time.
    @Test func seededFilesAreComposedAsYamsComposesThem() {
        var random = SplitMix64(seed: 2018)
        let memo = YAMLEntryMemo()
        var made = 0, reused = 0
        let count = 400
        for _ in 0..<count {
            var entries = (0..<Int.random(in: 1...6, using: &random)).map { _ in Self.topLevel(&random) }
            let comment = Bool.random(using: &random), lastBreak = Int.random(in: 0..<4, using: &random) > 0
            if Self.check(memo, Self.file(entries, comment, lastBreak)) { made += 1 }
            let first = memo.composed
            // The same file with its last entry written again: the others are kept.
            entries[entries.count - 1] = Self.topLevel(&random)
            if Self.check(memo, Self.file(entries, comment, lastBreak)) { made += 1; reused += memo.composed < first ? 1 : 0 }
        }
        #expect(made > count)
        #expect(reused > count / 4)
    }

    private static func file(_ entries: [String], _ comment: Bool, _ lastBreak: Bool) -> String {
        let text = (comment ? "# a file\n\n" : "") + entries.joined()
        return lastBreak ? text : String(text.dropLast())
    }

    private static func topLevel(_ random: inout SplitMix64) -> String {
        let name = ["figures", "sources", "title", "notes.x", "k-1", "\"quoted\"", "a b"].randomElement(using: &random)!
        if Int.random(in: 0..<4, using: &random) == 0 { return "\(name): \(inlineValue(&random))\n" }
        let indent = [1, 2, 2, 4].randomElement(using: &random)!
        let children = (0..<Int.random(in: 0...5, using: &random)).map { index in
            noise(indent, &random) + String(repeating: " ", count: indent) + "e\(index): " + value(indent, &random)
        }
        return "\(name):" + (Bool.random(using: &random) ? "  # header" : "") + "\n" + children.joined() + noise(indent, &random)
    }

    /// Comments and blank lines, at any indentation.
    private static func noise(_ indent: Int, _ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...2, using: &random)).map { _ in
            [String(repeating: " ", count: Int.random(in: 0...indent + 2, using: &random)) + "# c\n", "\n", "   \n"].randomElement(using: &random)!
        }.joined()
    }

    private static func inlineValue(_ random: inout SplitMix64) -> String {
        ["plain words", "12", "\"dit « 53 % »\"", "'it''s'", "[a, b]", "{x: 1, y: [2]}", "", "~", "true", "x # comment", "\"\\u00e9\""].randomElement(using: &random)!
    }

    /// A value after `key: ` for a key at `indent`, with its line break.
    private static func value(_ indent: Int, _ random: inout SplitMix64) -> String {
        let deeper = String(repeating: " ", count: indent + [1, 2, 3].randomElement(using: &random)!)
        let same = String(repeating: " ", count: indent)
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return inlineValue(&random) + "\n"
        case 1: return "\n\(deeper)label: \"x\"\n\(deeper)value: 53\n\(deeper)parts:\n\(deeper)  - label: a\n\(deeper)    value: 1\n"
        case 2: return ["|", "|+", "|-", ">", ">-", "|2"].randomElement(using: &random)! + "\n\(deeper)line one\n\n\(deeper)  line two\n" + (Bool.random(using: &random) ? "\n\n" : "")
        case 3: return "\"first\n\(deeper)second \\\n\(deeper)third\"\n"
        case 4: return "first\n\(deeper)second\n"
        case 5: return "\n\(deeper)- a\n\(deeper)- b: 1\n\(deeper)  c: 2\n"
        case 6: return "\n\(same)- a\n\(same)- b\n"
        case 7: return "[a,\n\(deeper)b]\n"
        case 8: return "'one\n\n\(deeper)two'\n"
        case 9: return "\n\(deeper)# a comment inside\n\(deeper)k: v\n"
        case 10: return "\"open\n"
        default: return "\n" + same + ["k: v", "  k: v", " k: v"].randomElement(using: &random)! + "\n"
        }
    }
}
