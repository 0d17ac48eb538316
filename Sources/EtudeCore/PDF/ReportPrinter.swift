import Foundation

/// Prints an HTML file to PDF with headless Chromium. The page's own `@page` rules give
/// the paper size (A4) and the page numbers; the browser adds no header or footer.
public struct ReportPrinter {
    public let chromium: URL
    public var timeout: Duration = .seconds(120)

    public init(chromium: URL) {
        self.chromium = chromium
    }

    public func print(_ html: URL, to pdf: URL) throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("etude-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        try? FileManager.default.removeItem(at: pdf)
        var arguments = [
            "--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
            "--no-first-run", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--no-proxy-server",
            "--user-data-dir=\(profile.path)", "--print-to-pdf=\(pdf.path)",
        ]
        // Chromium refuses to run as root inside its sandbox.
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        arguments.append(html.absoluteURL.absoluteString)
        let process = Process()
        process.executableURL = chromium
        process.arguments = arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("etude-chromium-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Diagnostic(file: chromium.path, message: "cannot start Chromium: \(error.localizedDescription)")
        }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Diagnostic(file: chromium.path, message: "Chromium did not print the report within \(timeout.components.seconds) s")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            let lines = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
                .split(separator: "\n").suffix(5).map(String.init)
            var diagnostic = Diagnostic(file: chromium.path, message: "Chromium wrote no PDF (exit status \(process.terminationStatus))"
                + (lines.isEmpty ? "" : "; its last lines:"))
            diagnostic.quotedLines = lines
            throw diagnostic
        }
    }
}

extension ReportPrinter {
    public static let pdfPath = "rapport.pdf"

    /// Prints the report of a built site folder beside it: `rapport.html` → `rapport.pdf`.
    public func printReport(inSite folder: URL) throws {
        let report = folder.appendingPathComponent(ReportBuilder.outputPath)
        guard FileManager.default.fileExists(atPath: report.path) else {
            throw Diagnostic(file: "templates/report.mustache", message: "the project has no report template, so there is no report to print; remove the override that hides the built-in report.mustache")
        }
        try print(report, to: folder.appendingPathComponent(Self.pdfPath))
    }
}
