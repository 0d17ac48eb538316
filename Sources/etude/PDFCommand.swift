import ArgumentParser
import EtudeCore
import Foundation

struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Builds the site, then prints the report to <output>/rapport.pdf with headless Chromium.",
        discussion: """
            The PDF is A4 with the report's own page numbers, without the browser's header or footer. \
            Chromium is looked for with --chromium, then $ETUDE_CHROMIUM, then as chromium, \
            chromium-browser, google-chrome or google-chrome-stable on PATH; nothing is downloaded. \
            If anything fails, the output folder is left as it was.
            """
    )

    @OptionGroup var options: ProjectOptions

    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "The Chromium (or Chrome) program to print with.")
    var chromium: String?

    func run() throws {
        let start = ContinuousClock.now
        let project = options.projectValue
        let destination = outputOptions.destination(for: project)
        let printer = try reportingFailures { ReportPrinter(chromium: try ChromiumLocator().locate(explicit: chromium)) }
        let result = try reportingFailures {
            try options.builder.build(into: destination, force: outputOptions.force, printsReport: true) { try printer.printReport(inSite: $0) }
        }
        printWarnings(result.warnings)
        let pdf = destination.appendingPathComponent(ReportPrinter.pdfPath).standardizedFileURL.path
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0
        let here = FileManager.default.currentDirectoryPath + "/"
        let shown = pdf.hasPrefix(here) ? String(pdf.dropFirst(here.count)) : pdf
        print("Printed \(shown) (\(size / 1024) KiB) in \((ContinuousClock.now - start).components.seconds) s")
    }
}
