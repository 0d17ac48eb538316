import Foundation

/// A project folder: `content/`, `data/`, `templates/`.
public struct Project: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory.standardizedFileURL
    }

    public var content: URL { directory.appendingPathComponent("content") }
    public var data: URL { directory.appendingPathComponent("data") }
    public var templates: URL { directory.appendingPathComponent("templates") }
    public var defaultOutput: URL { directory.appendingPathComponent("output") }
}
