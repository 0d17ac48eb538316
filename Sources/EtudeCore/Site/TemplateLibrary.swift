import Foundation
import Mustache

/// The theme's templates and assets: those shipped with Étude, each overridable by a file
/// of the same name in the project's `templates/`.
public struct TemplateLibrary {
    let library: MustacheLibrary
    /// Asset files to copy, by path relative to `assets/`.
    public let assets: [String: URL]

    public static var builtInTheme: URL {
        Bundle.module.resourceURL!.appendingPathComponent("theme")
    }

    public init(projectTemplates: URL, theme: URL = TemplateLibrary.builtInTheme) throws {
        var templates: [String: (url: URL, shown: String)] = [:]
        var assets: [String: URL] = [:]
        for (folder, shownPrefix) in [(theme, "(built-in theme)/"), (projectTemplates, "templates/")] {
            for relative in Self.files(in: folder) {
                let url = folder.appendingPathComponent(relative)
                if relative.hasPrefix("assets/") {
                    assets[String(relative.dropFirst("assets/".count))] = url
                } else if relative.hasSuffix(".mustache") {
                    templates[String(relative.dropLast(".mustache".count))] = (url, shownPrefix + relative)
                }
            }
        }
        var library = MustacheLibrary()
        var collector = DiagnosticCollector()
        var graph = TemplateIncludeGraph()
        for (name, file) in templates.sorted(by: { $0.key < $1.key }) {
            guard let text = collector.collect({ try TextFileReader.read(file.url, shownAs: file.shown) }) else { continue }
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
                collector.report(TemplateProblem.diagnostic(for: error, file: file.shown))
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
        self.assets = assets
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
