import CCmarkGFM
import Foundation

/// A position in a source file, 1-based, as a compiler reports it.
public struct SourcePosition: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Decides, node by node, how a Markdown document is rewritten before it becomes HTML.
///
/// The renderer hands over Swift values only; what a rewriter returns is plain text
/// that cmark escapes, so placeholders (see `Placeholder`) carry anything that must
/// become HTML after rendering.
///
/// The text of an autolink (a link whose text is its address: `<https://…>`, `www.…`,
/// an e-mail address) is never handed over: it is shown byte for byte as written.
public protocol MarkdownRewriter {
    /// Returns the new text of a text node. `insideLink` is true within link text.
    mutating func rewriteText(_ text: String, at location: SourcePosition, insideLink: Bool) throws -> String
    /// Returns a replacement paragraph text for a fenced code block, or nil to keep it.
    mutating func replaceCodeBlock(info: String, content: String, at location: SourcePosition) throws -> String?
    /// Returns text to put at the start of a heading, given its plain text after rewriting.
    mutating func markHeading(level: Int, plainText: String, at location: SourcePosition) throws -> String
    /// Sees the destination of every link and image, where it is written.
    mutating func noteLink(_ destination: String, at location: SourcePosition)
    /// Sees the destination of every image, where it is written (by default, as a link).
    mutating func noteImage(_ destination: String, at location: SourcePosition)
}

extension MarkdownRewriter {
    public mutating func noteLink(_ destination: String, at location: SourcePosition) {}
    public mutating func noteImage(_ destination: String, at location: SourcePosition) { noteLink(destination, at: location) }
}

/// The one place that talks to libcmark-gfm: parses GFM, lets a rewriter change the
/// tree, renders HTML, and frees every C allocation before returning.
public enum MarkdownRenderer {
    /// Extensions a GFM writer expects. Footnotes are an option, not an extension.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    static let options = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        | CMARK_OPT_NORMALIZE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
    /// Held while a document is parsed, and nothing else: see `parse`.
    private static let parseLock = NSLock()
    nonisolated(unsafe) private static var registered = false

    /// Renders `markdown` to HTML. `lineOffset` is added to reported lines (front matter).
    /// Safe to call from several threads at once: only the parse itself is serialized.
    public static func render<R: MarkdownRewriter>(
        _ markdown: String, lineOffset: Int = 0, rewriter: inout R
    ) throws -> String {
        let (parser, root) = parse(markdown)
        defer { cmark_parser_free(parser) }
        defer { cmark_node_free(root) }
        try rewrite(root, lineOffset: lineOffset, rewriter: &rewriter)
        guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else {
            fatalError("cmark_render_html failed: out of memory")
        }
        defer { free(html) }
        // libcmark-gfm writes the footnote back-link's label in English; the site is French.
        return HTMLText.replacing([("aria-label=\"Back to content\"", "aria-label=\"Retour au texte\"")], in: String(cString: html))
    }

    /// A new parser with the GFM extensions, and the tree of `markdown`; the caller frees both.
    ///
    /// Registering the extensions edits a global list, once. Parsing edits global tables
    /// at every call in this version: `cmark_parser_finish` (and the table extension,
    /// for each row) switches the extensions' special characters (`~`, `|`, `:`, `w`…) on
    /// in one table shared by every parser, parses inlines, then switches them off. A
    /// parse running meanwhile on another thread loses its strikethrough, tables or
    /// autolinks. So feeding and finishing hold the lock; walking, rewriting, rendering
    /// and freeing use only the document's own memory and run on any thread at once
    /// (`MarkdownConcurrencyTests` checks it).
    private static func parse(_ markdown: String) -> (parser: OpaquePointer, root: OpaquePointer) {
        parseLock.lock()
        defer { parseLock.unlock() }
        if !registered {
            cmark_gfm_core_extensions_ensure_registered()
            registered = true
        }
        guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed: out of memory") }
        for name in extensionNames {
            guard let ext = cmark_find_syntax_extension(name) else {
                fatalError("libcmark-gfm has no '\(name)' extension; is libcmark-gfm-extensions installed?")
            }
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        markdown.withCString { cmark_parser_feed(parser, $0, markdown.utf8.count) }
        guard let root = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish failed") }
        return (parser, root)
    }

    private static func location(of node: OpaquePointer, lineOffset: Int) -> SourcePosition {
        SourcePosition(
            line: Int(cmark_node_get_start_line(node)) + lineOffset,
            column: max(1, Int(cmark_node_get_start_column(node))))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Walks the tree once to collect events, then rewrites: mutating while iterating is unsafe.
    private static func rewrite<R: MarkdownRewriter>(
        _ root: OpaquePointer, lineOffset: Int, rewriter: inout R
    ) throws {
        var events: [(enter: Bool, node: OpaquePointer)] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            events.append((event == CMARK_EVENT_ENTER, node))
        }
        var linkDepth = 0
        var codeBlocks: [OpaquePointer] = []
        var autolinkTexts: Set<OpaquePointer> = []
        for (enter, node) in events {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK:
                linkDepth += enter ? 1 : -1
                if enter {
                    rewriter.noteLink(string(cmark_node_get_url(node)), at: location(of: node, lineOffset: lineOffset))
                    if let text = autolinkText(of: node) { autolinkTexts.insert(text) }
                }
            case CMARK_NODE_TEXT where autolinkTexts.contains(node):
                break
            case CMARK_NODE_IMAGE where enter:
                rewriter.noteImage(string(cmark_node_get_url(node)), at: location(of: node, lineOffset: lineOffset))
            case CMARK_NODE_TEXT:
                let text = string(cmark_node_get_literal(node))
                let new = try rewriter.rewriteText(
                    text, at: location(of: node, lineOffset: lineOffset), insideLink: linkDepth > 0)
                if new != text { cmark_node_set_literal(node, new) }
            case CMARK_NODE_CODE_BLOCK:
                codeBlocks.append(node)
            case CMARK_NODE_HEADING where !enter:
                let marker = try rewriter.markHeading(
                    level: Int(cmark_node_get_heading_level(node)), plainText: plainText(of: node),
                    at: location(of: node, lineOffset: lineOffset))
                let text = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(text, marker)
                cmark_node_prepend_child(node, text)
            default:
                break
            }
        }
        for node in codeBlocks {
            let info = string(cmark_node_get_fence_info(node))
            let content = string(cmark_node_get_literal(node))
            guard let replacement = try rewriter.replaceCodeBlock(
                info: info, content: content, at: location(of: node, lineOffset: lineOffset))
            else { continue }
            let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, replacement)
            cmark_node_append_child(paragraph, text)
            cmark_node_replace(node, paragraph)
            cmark_node_free(node)
        }
    }

    /// The only text node of a link whose text is its address, as autolinks are built:
    /// the URL itself, the address of a `mailto:` link, or a `www.` address given `http://`.
    private static func autolinkText(of link: OpaquePointer) -> OpaquePointer? {
        guard let child = cmark_node_first_child(link), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_TEXT else { return nil }
        let text = string(cmark_node_get_literal(child))
        let url = string(cmark_node_get_url(link))
        return url == text || url == "mailto:" + text || url == "http://" + text ? child : nil
    }

    /// The text a reader sees in a node: text and code literals, breaks as spaces.
    private static func plainText(of node: OpaquePointer) -> String {
        var result = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: result += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: result += " "
            default: break
            }
        }
        return result
    }
}
