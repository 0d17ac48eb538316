import ArgumentParser

@main
struct Etude: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "etude",
        abstract: "Builds a survey study's website and printable report from Markdown and data.",
        subcommands: [BuildCommand.self, CheckCommand.self, PDFCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
