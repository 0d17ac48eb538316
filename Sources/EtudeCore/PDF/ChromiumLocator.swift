import Foundation

/// Finds the Chromium that prints the report: the one given, else the first of the usual
/// names on PATH. Nothing is ever downloaded.
public struct ChromiumLocator {
    public static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `explicit` (from `--chromium`), else `ETUDE_CHROMIUM`, else a search of PATH.
    public func locate(explicit: String?) throws -> URL {
        if let path = explicit ?? environment["ETUDE_CHROMIUM"], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw Diagnostic(file: path, message: "no Chromium program here; give the path of an installed chromium with --chromium, or install it (Debian: sudo apt-get install chromium)")
            }
            return URL(fileURLWithPath: path)
        }
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in Self.names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return URL(fileURLWithPath: folder + "/" + name)
            }
        }
        throw Diagnostic(file: "etude pdf", message: "Chromium is needed to print the report and none was found (looked for \(Self.names.joined(separator: ", ")) on PATH). Install it (Debian: sudo apt-get install chromium; macOS: install Google Chrome) or give its path with --chromium. Without it, open output/rapport.html in a browser and print it to PDF.")
    }
}
