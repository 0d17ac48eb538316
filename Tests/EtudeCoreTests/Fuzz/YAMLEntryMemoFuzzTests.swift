import Foundation
import Testing
import Yams
@testable import EtudeCore

/// `YAMLEntryMemo` against Yams on damaged copies of the study's `data/figures.yaml`, one
/// after another through the same memo (so that parts are reused from the copy before):
/// the same tree, marks, tags and styles included, or none, and none whenever Yams fails.
/// `swift test` runs `FuzzTests.cases` copies; `make fuzz` more (ETUDE_FUZZ_CASES, ETUDE_FUZZ_SEED).
@Suite struct YAMLEntryMemoFuzzTests {
    @Test func damagedFiguresFilesComposeAsYamsComposesThem() throws {
        let original = Array(try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("data/figures.yaml")))
        var mutator = FuzzMutator(seed: FuzzTests.seed)
        let memo = YAMLEntryMemo()
        var composed = 0, differing: [String] = []
        for index in 0..<FuzzTests.cases * 5 {
            var bytes = original
            // Often one small edit, as a writer makes; sometimes several.
            let edits = (0..<(index % 4 == 0 ? 3 : 1)).map { _ in mutator.mutate(&bytes) }
            guard let text = String(validating: bytes, as: UTF8.self), YAMLDepthGuard.check(text) == nil else { continue }
            var whole: Node?, failed = false
            do { whole = try Yams.compose(yaml: text) } catch { failed = true }
            guard let parts = memo.compose(text) else { continue }
            composed += 1
            if failed || YAMLEntryMemoTests.dump(parts) != YAMLEntryMemoTests.dump(whole) {
                differing.append("case \(index) (\(edits.joined(separator: "; ")))\(failed ? ": Yams fails" : "")")
            }
        }
        #expect(differing.isEmpty, "ETUDE_FUZZ_SEED=\(FuzzTests.seed):\n\(differing.prefix(10).joined(separator: "\n"))")
        #expect(composed > FuzzTests.cases, "most damaged copies are still cut into parts")
    }
}
