import Foundation
import Testing
@testable import EtudeCore
@testable import EtudeServe

/// `etude serve`, run as a user would: the built binary on a free port of 127.0.0.1.
@Suite struct ServeTests {
    /// A new default study (`etude new`), in a folder with a secret file beside it.
    private func defaultStudy() throws -> URL {
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("etude")
        let result = try TestSupport.runEtude(["new", folder.path])
        try #require(result.status == 0, "\(result.stderr)")
        return folder
    }

    @Test func servesTheSiteWithTypesIndexAnd404AndCleansUpOnSIGINT() throws {
        let server = try ServeProcess(project: try defaultStudy())
        let home = try server.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-store")
        #expect(home.body.contains("/__etude/events"))
        #expect(try server.get("/index.html").body == home.body)
        let types = ["/assets/style.css": "text/css; charset=utf-8", "/donnees/figures.csv": "text/csv; charset=utf-8",
                     "/donnees/figures.json": "application/json", "/donnees/graphiques/attentes.svg": "image/svg+xml",
                     "/sitemap.xml": "application/xml", "/robots.txt": "text/plain; charset=utf-8"]
        for (path, type) in types {
            let response = try server.get(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-type"] == type, "\(path)")
            #expect(!response.body.contains("__etude"), "\(path): the script goes only into HTML")
        }
        #expect(try server.get("/donnees").status == 301)
        let missing = try server.get("/pas-de-page.html")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<!DOCTYPE html>") && missing.body.contains("/__etude/events"))

        // The built files have no script: it is added only to the responses.
        let folders = server.previewFolders
        try #require(folders.count == 1)
        let built = try TestSupport.tree(folders[0].appendingPathComponent("site"))
        #expect(built["index.html"] != nil)
        for (path, data) in built where path.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).contains("<script"), "\(path)")
        }

        #expect(try server.interrupt() == 0)
        #expect(server.previewFolders.isEmpty, "the preview folder is removed")
        try server.waitForOutput(containing: "Stopped the preview.")
    }

    @Test func nothingOutsideTheServedFolderCanBeRead() throws {
        let project = try defaultStudy()
        let server = try ServeProcess(project: project)
        // Beside the served folder (TMPDIR/etude-preview-…/site) and in the project.
        let secret = "secret-\(UUID().uuidString)"
        try Data(secret.utf8).write(to: server.temporary.appendingPathComponent("secret.txt"))
        try Data(secret.utf8).write(to: project.appendingPathComponent("secret.txt"))
        let attempts = [
            "/../../secret.txt", "/../secret.txt", "/%2e%2e/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/secret.txt",
            "/..%2f..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fsecret.txt", "/..\\..\\secret.txt", "/%5c..%5c..%5csecret.txt",
            "/donnees/../../../secret.txt", "/donnees/%2e%2e/%2e%2e/%2e%2e/secret.txt", "/.%2e/.%2e/secret.txt",
            "/\(server.temporary.path)/secret.txt", "/\(project.path)/secret.txt", "//etc/passwd", "/etc/passwd",
            "/%2fetc%2fpasswd", "/../../../../../../etc/passwd", "/%00/../secret.txt",
        ]
        for path in attempts {
            let response = try server.get(path)
            #expect([400, 403, 404].contains(response.status), "\(path): \(response.status)")
            #expect(!response.body.contains(secret) && !response.body.contains("root:x:0"), "\(path)")
        }
        #expect(try server.interrupt() == 0)
    }

    @Test func reloadsAfterADataChangeAndShowsBuildErrorsOverTheLastGoodPage() throws {
        let project = try defaultStudy()
        let server = try ServeProcess(project: project)
        #expect(try server.get("/").body.contains(">500</span> personnes"))

        let figures = project.appendingPathComponent("data/figures.yaml")
        let original = try String(contentsOf: figures, encoding: .utf8)
        try server.waitForReload {
            try Data(original.replacingOccurrences(of: "value: 500", with: "value: 777").utf8).write(to: figures)
        }
        #expect(try server.get("/").body.contains(">777</span> personnes"))
        try server.waitForOutput(containing: " ms after a change to data/figures.yaml")
        // The number of respondents is the base of every share: every page shows it.
        #expect(server.stdout.contains("Rebuilt 3 of 3 pages in "))

        // A broken page: the overlay lists the error with its place and line, over the last good page.
        let page = project.appendingPathComponent("content/index.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try server.waitForReload { try Data((text + "\nVoir {{ inconnu }}.\n").utf8).write(to: page) }
        let broken = try server.get("/")
        #expect(broken.status == 200)
        #expect(broken.body.contains("role=\"alertdialog\""))
        #expect(broken.body.contains("<code>content/index.md:17:6</code>\u{202F}: unknown figure 'inconnu'"))
        #expect(broken.body.contains("Voir {{ inconnu }}."))
        #expect(broken.body.contains(">777</span> personnes"), "the last good page stays under the overlay")
        try server.waitForOutput(containing: "content/index.md:17:6: error: unknown figure 'inconnu'", onErrorOutput: true)
        try server.waitForOutput(containing: "Build failed with 1 error in ")

        try server.waitForReload { try Data(text.utf8).write(to: page) }
        let fixed = try server.get("/")
        #expect(!fixed.body.contains("etude-error-overlay"))
        #expect(fixed.body.contains(">777</span> personnes"))

        // One page's text: only that page is rendered again, and the line says so.
        try server.waitForReload { try Data((text + "\nUne phrase de plus.\n").utf8).write(to: page) }
        #expect(try server.get("/").body.contains("Une phrase de plus."))
        let line = try server.waitForOutput(containing: "Rebuilt 1 of 3 pages in ").split(separator: "\n").last { $0.hasPrefix("Rebuilt 1 of 3") }
        #expect(line?.hasSuffix(" ms after a change to content/index.md") == true, "\(line ?? "")")
        #expect(try server.interrupt() == 0)
        #expect(server.previewFolders.isEmpty)
    }

    @Test func aProjectThatNeverBuiltShowsTheOverlayUntilFixed() throws {
        let project = try defaultStudy()
        let page = project.appendingPathComponent("content/index.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try Data((text + "\n{{ inconnu }}\n").utf8).write(to: page)
        let server = try ServeProcess(project: project)
        let broken = try server.get("/")
        #expect(broken.status == 500)
        #expect(broken.body.contains("role=\"alertdialog\"") && broken.body.contains("<code>content/index.md:17:1</code>"))
        try server.waitForReload { try Data(text.utf8).write(to: page) }
        let fixed = try server.get("/")
        #expect(fixed.status == 200 && !fixed.body.contains("etude-error-overlay"))
        #expect(try server.interrupt() == 0)
    }

    @Test func aTakenPortOrABadAddressIsAnErrorAndLeavesNothing() throws {
        let project = try defaultStudy()
        let server = try ServeProcess(project: project)
        let temporary = try TestSupport.temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        let taken = try TestSupport.runEtude(["serve", "--project", project.path, "--port", "\(server.port)"], environment: environment)
        #expect(taken.status == 1)
        #expect(taken.stderr == "error: cannot listen on 127.0.0.1:\(server.port): Address already in use; "
            + "give another port with --port (0 picks a free one), or stop the program using it\n")
        let badHost = try TestSupport.runEtude(["serve", "--project", project.path, "--host", "ici"], environment: environment)
        #expect(badHost.status == 64)
        #expect(badHost.stderr.hasPrefix("Error: 'ici' is not an IP address; give one such as 127.0.0.1 (this machine only, the default) or 0.0.0.0 (every network) with --host\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        #expect(try server.interrupt() == 0)
    }

    @Test func theOverlayEscapesWhatItQuotes() throws {
        let project = try TestSupport.makeProject(["content/x.md": "un\n<script>alert(1)</script> {{ a&b }}\n"])
        let overlay = ErrorOverlay(diagnostics: [
            Diagnostic(file: "content/x.md", line: 2, column: 20, message: "unknown figure 'a&b'; did you mean '<b>'?"),
            Diagnostic(file: "data/absent.yaml", line: 9, column: 1, message: "a file that is not there"),
        ], project: project)
        #expect(overlay.html.contains("La construction a échoué\u{202F}: 2 erreurs"))
        #expect(overlay.html.contains("<code>content/x.md:2:20</code>\u{202F}: unknown figure 'a&amp;b'; did you mean '&lt;b&gt;'?"))
        #expect(overlay.html.contains("2 | </span>&lt;script&gt;alert(1)&lt;/script&gt; {{ a&amp;b }}</pre>"))
        #expect(overlay.html.contains("<code>data/absent.yaml:9:1</code>"))
        #expect(!overlay.html.contains("<script>alert"))
        // The overlay speaks the project's language.
        let english = try TestSupport.makeProject(["data/site.yaml": TestSupport.minimalSite + "language: en\n"])
        let inEnglish = ErrorOverlay(diagnostics: [Diagnostic(file: "", message: "no pages")], project: english, language: Language.ofProject(english))
        #expect(inEnglish.html.contains(">The build failed: 1 error</h2>"))
        #expect(inEnglish.html.contains("<code>(project)</code>: no pages"))
        #expect(PageInjection.bare(overlay: inEnglish).hasPrefix("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Étude: build error</title>"))
        #expect(PageInjection.inject(into: "<p>sans corps</p>", overlay: nil) == "<p>sans corps</p>" + PageInjection.script)
        #expect(PageInjection.inject(into: "<body>a</BODY>", overlay: nil) == "<body>a" + PageInjection.script + "</body>")
    }

    @Test func previewPathRefusesSymbolicLinksLeavingTheRoot() throws {
        let base = try TestSupport.temporaryDirectory()
        let root = base.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("dossier"), withIntermediateDirectories: true)
        try Data("dedans".utf8).write(to: root.appendingPathComponent("dossier/index.html"))
        try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("lien.txt").path, withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("parent").path, withDestinationPath: base.path)
        let paths = PreviewPath(root: root)
        #expect(paths.resolve("/lien.txt") == .forbidden)
        #expect(paths.resolve("/parent/secret.txt") == .forbidden)
        #expect(paths.resolve("/dossier") == .redirect("/dossier/"))
        if case .file(let url) = paths.resolve("/dossier/") {
            #expect(url.lastPathComponent == "index.html")
        } else {
            Issue.record("a folder serves its index.html")
        }
        #expect(paths.resolve("/rien.html") == .notFound)
        #expect(paths.resolve("relative") == .forbidden)
    }

    /// With inotify (on Linux) and with polling, the fallback.
    @Test(arguments: [false, true]) func aBurstOfSavesIsOneChange(polling: Bool) async throws {
        let project = try TestSupport.makeProject(["content/a.md": "a", "data/b.yaml": "b"])
        // A long quiet time, so that a loaded machine cannot split the burst.
        let watcher = ProjectWatcher(project: project, interval: .milliseconds(20), quiet: .seconds(1), polling: polling)
        let events = watcher.events()
        #if os(Linux)
        #expect((events != nil) == !polling, "Linux tells of changes through inotify")
        #endif
        let before = watcher.snapshot()
        let watching = Task { await watcher.nextChange(after: before, events: events) }
        // Saved from a thread of its own, so that a busy test runner cannot pause the burst.
        let saved = DispatchSemaphore(value: 0)
        Thread {
            for index in 0..<5 {
                try? Data(("a" + String(repeating: "x", count: index + 1)).utf8).write(to: project.appendingPathComponent("content/a.md"))
                try? Data(("b" + String(repeating: "y", count: index + 1)).utf8).write(to: project.appendingPathComponent("data/b.yaml"))
                Thread.sleep(forTimeInterval: 0.02)
            }
            saved.signal()
        }.start()
        let after = try #require(await watching.value)
        saved.wait()
        #expect(after == watcher.snapshot(), "one change, after the last save")
        #expect(ProjectWatcher.changes(from: before, to: after) == ["content/a.md", "data/b.yaml"])
    }

    @Test func inotifyWatchesFoldersCreatedAfterItStarted() async throws {
        let project = try TestSupport.makeProject(["content/a.md": "a"])
        let watcher = ProjectWatcher(project: project, interval: .milliseconds(20), quiet: .milliseconds(200))
        let events = try #require(watcher.events())
        /// The next change, or nil after 60 seconds without one: a guard against a hang only,
        /// since a loaded machine running the other suites' work on the same two threads of
        /// Swift's pool can delay these tasks for seconds (it failed at 10 s once in CI).
        func next(after known: ProjectWatcher.Snapshot) async -> ProjectWatcher.Snapshot? {
            let waiting = Task { await watcher.nextChange(after: known, events: events) }
            let timeout = Task { try await Task.sleep(for: .seconds(60)); waiting.cancel() }
            defer { timeout.cancel() }
            return await waiting.value
        }
        let start = watcher.snapshot()
        // A new section with a page: then the page edited, which only a watch on the new folder tells.
        let section = project.appendingPathComponent("content/nouvelle-section")
        try FileManager.default.createDirectory(at: section, withIntermediateDirectories: true)
        try Data("b".utf8).write(to: section.appendingPathComponent("b.md"))
        let withPage = try #require(await next(after: start))
        #expect(ProjectWatcher.changes(from: start, to: withPage) == ["content/nouvelle-section/b.md"])
        try Data("bb".utf8).write(to: section.appendingPathComponent("b.md"))
        let edited = try #require(await next(after: withPage))
        #expect(ProjectWatcher.changes(from: withPage, to: edited) == ["content/nouvelle-section/b.md"])
        // static/, missing at the start, is watched once created.
        try FileManager.default.createDirectory(at: project.appendingPathComponent("static/img"), withIntermediateDirectories: true)
        try Data("png".utf8).write(to: project.appendingPathComponent("static/img/a.png"))
        let withStatic = try #require(await next(after: edited))
        try Data("png2".utf8).write(to: project.appendingPathComponent("static/img/a.png"))
        let staticEdited = try #require(await next(after: withStatic))
        #expect(ProjectWatcher.changes(from: withStatic, to: staticEdited) == ["static/img/a.png"])
    }

    @Test func openRunsTheBrowserOfBROWSERWithTheAddress() throws {
        let folder = try TestSupport.temporaryDirectory()
        let record = folder.appendingPathComponent("opened.txt")
        let script = folder.appendingPathComponent("browser.sh")
        try Data("#!/bin/sh\nprintf '%s' \"$1\" > '\(record.path)'\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let server = try ServeProcess(project: try defaultStudy(), extraArguments: ["--open"], environment: ["BROWSER": script.path])
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: record.path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.1)
        #expect(try String(contentsOf: record, encoding: .utf8) == "http://127.0.0.1:\(server.port)/")
        #expect(try server.interrupt() == 0)
    }

    @Test func theBrowserCommandTakesTheAddressAsOneArgument() {
        let url = "http://127.0.0.1:8000/"
        #expect(BrowserLauncher.command(for: url, environment: ["BROWSER": "firefox --new-tab"]) == ("/bin/sh", ["-c", "firefox --new-tab \"$1\"", "sh", url]))
        #expect(BrowserLauncher.command(for: url, environment: ["BROWSER": "chromium %s --incognito:lynx"]) == ("/bin/sh", ["-c", "chromium \"$1\" --incognito", "sh", url]))
        #if os(Linux)
        #expect(BrowserLauncher.command(for: url, environment: [:]) == ("/usr/bin/env", ["xdg-open", url]))
        #expect(BrowserLauncher.command(for: url, environment: ["BROWSER": " "]) == ("/usr/bin/env", ["xdg-open", url]))
        #endif
    }
}
