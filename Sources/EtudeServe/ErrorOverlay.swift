import EtudeCore
import Foundation

/// The panel a preview shows over the last good page while the project does not build:
/// every diagnostic with its `file:line:col`, its message and the offending source line.
/// An `alertdialog` that takes the focus, so that a screen reader reads it at once.
public struct ErrorOverlay: Sendable {
    public let html: String
    /// The project's language, which the overlay speaks.
    public let language: Language

    /// `project`: where the diagnostics' files are, to quote their lines.
    public init(diagnostics: [Diagnostic], project: URL, language: Language = .french) {
        self.language = language
        let words = language.messages
        var lines: [String: [Substring]] = [:]
        let count = diagnostics.count
        var items = ""
        for diagnostic in diagnostics {
            items += "<li><p><code>\(Self.escape(Self.location(of: diagnostic, project: words(LayoutMessage.buildFailedProject))))</code>\(Self.escape(words(LayoutMessage.buildFailedSeparator)))\(Self.escape(diagnostic.message))</p>"
            if let number = diagnostic.line, number > 0, !diagnostic.file.isEmpty {
                if lines[diagnostic.file] == nil {
                    let text = (try? String(contentsOf: project.appendingPathComponent(diagnostic.file), encoding: .utf8)) ?? ""
                    lines[diagnostic.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
                }
                if let fileLines = lines[diagnostic.file], number <= fileLines.count {
                    let source = fileLines[number - 1].prefix(500)
                    items += "<pre aria-label=\"\(Self.escape(words(LayoutMessage.buildFailedLine, ["n": String(number)])))\"><span aria-hidden=\"true\">\(number) | </span>\(Self.escape(String(source)))</pre>"
                }
            }
            items += "</li>"
        }
        html = """
            <div id="etude-error-overlay" role="alertdialog" aria-modal="true" aria-labelledby="etude-error-title" \
            aria-describedby="etude-error-list" tabindex="-1" style="\(Self.style)">
            <h2 id="etude-error-title" style="margin-top:0;color:#ffb4b4">\(Self.escape(words(count == 1 ? LayoutMessage.buildFailedOne : .buildFailedOther, ["count": String(count)])))</h2>
            <ol id="etude-error-list" style="padding-left:1.5em">\(items)</ol>
            <p>\(Self.escape(words(LayoutMessage.buildFailedFix)))</p>
            </div>
            <script>document.getElementById("etude-error-overlay").focus()</script>
            """
    }

    /// `file:line:col`, as the terminal prints it.
    static func location(of diagnostic: Diagnostic, project: String) -> String {
        var position = diagnostic.file.isEmpty ? project : diagnostic.file
        if let line = diagnostic.line {
            position += ":\(line)"
            if let column = diagnostic.column { position += ":\(column)" }
        }
        return position
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    private static let style = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2em;"
        + "background:rgba(20,20,20,.94);color:#f4f4f4;font:16px/1.5 system-ui,sans-serif;outline:3px solid #ffb4b4"
}

/// What a preview adds to the HTML it serves (never to the built files): the reload script,
/// and the error overlay while the project does not build.
enum PageInjection {
    static let eventsPath = "/__etude/events"

    static let script = """
        <script>(function(){var s=new EventSource("\(eventsPath)");\
        s.addEventListener("reload",function(){location.reload()});})();</script>
        """

    /// `html` with the script (and `overlay`) before its last `</body>`, or at its end.
    static func inject(into html: String, overlay: ErrorOverlay?) -> String {
        let added = (overlay?.html ?? "") + script
        guard let range = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + added }
        return html.replacingCharacters(in: range, with: added + "</body>")
    }

    /// The page shown when no build has ever succeeded: only the overlay.
    static func bare(overlay: ErrorOverlay?, language: Language = .french) -> String {
        let language = overlay?.language ?? language
        return "<!DOCTYPE html>\n<html lang=\"\(ErrorOverlay.escape(language.tag))\"><head><meta charset=\"utf-8\"><title>"
            + ErrorOverlay.escape(language.messages(LayoutMessage.buildFailedTitle)) + "</title></head><body>"
            + (overlay?.html ?? "<p>" + ErrorOverlay.escape(language.messages(LayoutMessage.buildFailedNone)) + "</p>") + script + "</body></html>\n"
    }
}
