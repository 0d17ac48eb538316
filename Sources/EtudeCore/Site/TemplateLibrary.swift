import Foundation
import Mustache

/// The theme's templates and assets: those shipped with Étude, each overridable by a file
/// of the same name in the project's `templates/`.
public struct TemplateLibrary {
    let library: MustacheLibrary
    /// Asset files to copy, sorted by their path relative to `assets/`.
    public let assets: [Asset]

    /// A file of the theme: a template, or one of `assets/`, copied as is into the output.
    public struct Asset {
        /// Path relative to `assets/`.
        public var path: String
        /// As the user knows it: `templates/assets/x.css` or `(built-in theme)/assets/x.css`.
        public var shown: String
        let source: Source

        /// Where a theme file is: compiled into Étude, or in the project's `templates/`.
        enum Source {
            case builtIn(String)
            /// `root` is the project's folder, which the file must resolve into.
            case project(url: URL, root: URL)
        }

        func read() throws -> Data {
            switch source {
            case .builtIn(let text): return Data(text.utf8)
            case .project(let url, let root): return try ProjectFileReader.data(at: url, shownAs: shown, within: root)
            }
        }

        func readText() throws -> String {
            switch source {
            case .builtIn(let text): return text
            case .project(let url, let root): return try TextFileReader.read(url, shownAs: shown, within: root)
            }
        }
    }

    /// `theme` is the built-in theme's files by path; the project's `templates/` override them.
    public init(projectTemplates: URL, theme: [String: String] = BuiltInTheme.files) throws {
        var templates: [String: Asset] = [:]
        var assets: [String: Asset] = [:]
        let project = projectTemplates.deletingLastPathComponent()
        var files = theme.keys.sorted().map { ($0, BuiltInTheme.shownPrefix + $0, Asset.Source.builtIn(theme[$0] ?? "")) }
        files += Self.files(in: projectTemplates).map {
            ($0, "templates/" + $0, Asset.Source.project(url: projectTemplates.appendingPathComponent($0), root: project))
        }
        for (relative, shown, source) in files {
            if relative.hasPrefix("assets/") {
                let path = String(relative.dropFirst("assets/".count))
                assets[path] = Asset(path: path, shown: shown, source: source)
            } else if relative.hasSuffix(".mustache") {
                let name = String(relative.dropLast(".mustache".count))
                templates[name] = Asset(path: relative, shown: shown, source: source)
            }
        }
        var library = MustacheLibrary()
        var collector = DiagnosticCollector()
        var graph = TemplateIncludeGraph()
        HTMLEscaping.registered
        for (name, file) in templates.sorted(by: { $0.key < $1.key }) {
            guard let text = collector.collect({ try file.readText() }) else { continue }
            if Self.pageTemplates.contains(name), text.allSatisfy(\.isWhitespace) {
                collector.report(Diagnostic(file: file.shown, message: "this template is empty, so every page built with it would be empty; write the template or remove the file to use the built-in one"))
            }
            if let tooLarge = TemplateProblem.tooLarge(text, file: file.shown) {
                collector.report(tooLarge)
                continue
            }
            let tags = MustacheTagScanner.tags(in: text)
            // Checked before parsing: swift-mustache's parser recurses once per section level.
            if let tooDeep = TemplateProblem.tooDeep(tags, file: file.shown) {
                collector.report(tooDeep)
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch {
                collector.report(TemplateProblem.diagnostic(for: error, in: text, file: file.shown))
            }
            TemplateProblem.unknownPartials(in: tags, file: file.shown, known: Set(templates.keys)).forEach { collector.report($0) }
            graph.add(name, file: file.shown, tags: tags)
        }
        let cycles = graph.cycles()
        cycles.forEach { collector.report($0) }
        if cycles.isEmpty { graph.explosions().forEach { collector.report($0) } }
        try collector.throwIfAny()
        guard library.getTemplate(named: "layout") != nil else {
            throw Diagnostic(file: "templates/layout.mustache", message: "no layout template; the theme needs layout.mustache")
        }
        self.library = library
        self.assets = assets.values.sorted { $0.path < $1.path }
    }

    /// Templates that make whole files: empty, they would publish empty pages.
    static let pageTemplates: Set<String> = ["layout", "report"]

    /// The text of `assets/style.css` as the site uses it (the project's or the theme's).
    var themeStylesheet: String? {
        assets.first { $0.path == "style.css" }.flatMap { try? $0.read() }.map { String(decoding: $0, as: UTF8.self) }
    }

    public func has(_ template: String) -> Bool { library.getTemplate(named: template) != nil }

    public func render(_ context: [String: Any], template: String) throws -> String {
        guard let html = library.render(context, withTemplate: template) else {
            throw Diagnostic(file: "templates/\(template).mustache", message: "no such template")
        }
        return html
    }

    private static func files(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
    }
}
