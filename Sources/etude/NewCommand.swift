import ArgumentParser
import EtudeCore
import Foundation

/// `etude new DIR`: writes the starter project, ready to build.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Creates a new project, ready to build, in a new or empty folder.",
        discussion: """
            The project has its settings (data/site.yaml), a home page, a findings page with a chart, \
            a methods page with the sources, a data file of FICTITIOUS figures to replace with the \
            study's own, and a README. It passes etude check --strict and builds at once.
            """
    )

    @Argument(help: "The folder to create (it may exist if it is empty).")
    var directory: String

    @Option(help: "The language of the project: fr (the default) or en; it sets language: in data/site.yaml.")
    var language = "fr"

    func run() throws {
        guard let files = StarterProject.all(language: language) else {
            try reportingFailures(trailer: "") {
                throw Diagnostic(file: "--language", message: "there is no starter project in '\(language)' (there is one in \(StarterProject.languages.joined(separator: " and "))); "
                    + "start from --language en, then set language: in data/site.yaml and translate the pages (see Languages in the README)")
            }
            return
        }
        let creator = ProjectCreator(directory: URL(fileURLWithPath: directory), shown: directory, files: files)
        let written = try reportingFailures(trailer: "") { try creator.create() }
        print("Created \(directory) (\(written.count) files). Next: cd \(directory) && etude build, "
            + "then replace the fictitious figures of data/figures.yaml with the study's own.")
    }
}
