import Foundation
import Testing
@testable import EtudeCore

/// The link check answers once per folder and link: every page that writes a broken link
/// is still reported, each at its own line, and the same link from another folder gets
/// the answer of its own folder.
struct LinkAnswersTests {
    @Test func everyPageWithTheSameBrokenLinkIsReported() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": "title: Test\nbase_url: https://example.org/\n",
            "content/index.md": "---\ntitle: Accueil\n---\n\n[A](a/un.html) et [Nulle part](nulle-part.html).\n\n[Un](un.html)\n",
            "content/a/un.md": "---\ntitle: Un\n---\n\nTexte.\n\n[Nulle part](../nulle-part.html) [Deux](deux.html#absent)\n",
            "content/a/deux.md": "---\ntitle: Deux\n---\n\n[Nulle part](../nulle-part.html)\n\n[Deux](deux.html#absent)\n",
            "content/a/trois.md": "---\ntitle: Trois\n---\n\n[Un](un.html) [Deux](deux.html)\n",
        ])
        let failure = #expect(throws: BuildFailure.self) { try SiteBuilder(project: Project(directory: project)).render() }
        let lines = failure?.description.split(separator: "\n").map(String.init) ?? []
        #expect(lines.contains { $0.hasPrefix("content/index.md:5:") && $0.contains("'nulle-part.html' leads to no page") })
        #expect(lines.contains { $0.hasPrefix("content/a/un.md:7:") && $0.contains("'../nulle-part.html' leads to no page") })
        #expect(lines.contains { $0.hasPrefix("content/a/deux.md:5:") && $0.contains("'../nulle-part.html' leads to no page") })
        #expect(lines.contains { $0.hasPrefix("content/a/un.md:7:") && $0.contains("no element with id 'absent' in a/deux.html") })
        #expect(lines.contains { $0.hasPrefix("content/a/deux.md:7:") && $0.contains("no element with id 'absent' in a/deux.html") })
        #expect(lines.contains { $0.hasPrefix("content/index.md:7:") && $0.contains("'un.html' leads to no page") })
        #expect(lines.count == 6, "\(lines)")
    }

    /// Ids and links are found in one scan, as a browser reads attributes: what a quoted
    /// value holds is never another attribute (an ` id="…"` inside an `href` is no id).
    @Test func aValueIsNotReadForOtherAttributes() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": "title: Test\nbase_url: https://example.org/\n",
            "templates/partials/footer.mustache": "<footer><a href='{{root}}index.html?q= id=\"cible\"'>Ici</a> <span id='x href=\"nulle-part.html\"'>x</span></footer>\n",
            "content/index.md": "---\ntitle: Accueil\n---\n\n[Un](un.html)\n",
            "content/un.md": "---\ntitle: Un\n---\n\nTexte.\n",
            "content/deux.md": "---\ntitle: Deux\n---\n\n[Accueil](index.html#cible)\n",
        ])
        for session in [false, true] {
            var builder = SiteBuilder(project: Project(directory: project))
            if session { builder.cache = BuildCache() }
            let failure = #expect(throws: BuildFailure.self) { try builder.render() }
            let lines = failure?.description.split(separator: "\n").map(String.init) ?? []
            #expect(lines.count == 1 && lines.allSatisfy { $0.hasPrefix("content/deux.md:5:") && $0.contains("no element with id 'cible' in index.html") }, "\(lines)")
        }
    }
}
