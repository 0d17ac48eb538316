import ArgumentParser
import EtudeCore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Checks the whole project (data, references, templates, links) without writing anything.",
        discussion: """
            Reports every error a build would stop on, and warns about numbers typed by hand \
            in content/ that equal a figure of data/: they would not change with the data. \
            Exits 1 on an error, or on a warning with --strict.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let result = try reportingFailures(trailer: "") { try options.builder.render() }
        printWarnings(result.warnings)
        let pages = result.pages.count, figures = result.table.order.count, warnings = result.warnings.count
        print("Checked \(pages) page\(pages == 1 ? "" : "s") and \(figures) figure\(figures == 1 ? "" : "s"): "
            + "no errors, \(warnings == 0 ? "no" : String(warnings)) warning\(warnings == 1 ? "" : "s").")
        if strict && warnings > 0 {
            printError("--strict: warnings count as errors.")
            throw ExitCode.failure
        }
    }
}
