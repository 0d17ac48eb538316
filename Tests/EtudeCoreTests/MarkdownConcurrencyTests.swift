import Foundation
import Testing
@testable import EtudeCore

/// libcmark-gfm 0.29 switches its extensions' characters (`~`, `|`, `:`, `w`…) on and off in
/// one global table at each parse: two pages parsed at once can lose each other's tables,
/// strikethrough or autolinks. Rendering on several threads must still give, byte for
/// byte, what one thread gives.
@Suite(.serialized) struct MarkdownConcurrencyTests {
    /// A page using every extension, different for each `index`.
    static func page(_ index: Int) -> String {
        """
        # Page \(index)

        Un ~~ancien~~ nouveau texte \(index), voir https://example.org/\(index) ou www.example.com/p\(index),
        écrire à equipe\(index)@example.org, et une note[^n\(index)]. *Souligné* et **gras** \(index).

        | Colonne | Valeur \(index) | ~~barré~~ |
        | :-- | --: | :-: |
        | a\(index) | \(index * 7) | https://example.net/\(index) |
        | b | ~~\(index)~~ | `code|pipe` |

        - [x] fait \(index)
        - [ ] à faire ~~\(index)~~
          - [x] imbriqué www.example.fr

        > Citation\(index) avec ~~rature~~ et <https://example.org/cite/\(index)>.

        1. un | deux
        2. trois ~~quatre~~

        [^n\(index)]: La note \(index), avec https://example.org/note/\(index) et ~~rature~~.

        """
    }

    static func html(_ markdown: String) -> String {
        var rewriter = IdentityRewriter()
        return (try? MarkdownRenderer.render(markdown, rewriter: &rewriter)) ?? "(threw)"
    }

    @Test func pagesRenderedAtOnceOnSeveralThreadsAreTheSameAsOneByOne() {
        TestSupport.heavyWork.lock()
        defer { TestSupport.heavyWork.unlock() }
        let pages = (0..<64).map(Self.page)
        let expected = pages.map(Self.html)
        #expect(expected.allSatisfy { $0.contains("<del>") && $0.contains("<table>") && $0.contains("class=\"footnotes\"") })
        #expect(expected.allSatisfy { $0.contains("type=\"checkbox\"") && $0.contains("<a href=\"mailto:") })
        var differing: Set<Int> = []
        // Many rounds, more threads than cores: a race shows up as a page that differs.
        for _ in 0..<40 {
            let same = ParallelMap.map(Array(pages.indices), threads: 4) { Self.html(pages[$0]) == expected[$0] }
            differing.formUnion(same.indices.filter { !same[$0] })
        }
        #expect(differing.isEmpty, "pages rendered differently on several threads: \(differing.sorted())")
    }
}
