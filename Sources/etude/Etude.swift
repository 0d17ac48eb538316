import ArgumentParser
import EtudeCore

@main
struct Etude: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "etude",
        abstract: "Builds a survey study's website and printable report from Markdown and data.",
        discussion: "etude alone builds the project in the current folder, as etude build does.",
        version: EtudeVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, PDFCommand.self, ServeCommand.self]
    )

    /// Runs `etude` alone as `etude build`, and refuses a first word that names no command.
    /// ArgumentParser alone would answer `etude foo --help` with the root's help and exit 0,
    /// and a default subcommand would take `foo` as its own argument.
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.isEmpty { arguments = ["build"] }
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        let known = Set(commands + ["help", "-h", "--help", "--version"])
        let unknown = arguments.first.flatMap { known.contains($0) ? nil : $0 }
            ?? (arguments.first == "help" ? arguments.dropFirst().first { !commands.contains($0) } : nil)
        if let unknown {
            let list = commands.dropLast().joined(separator: ", ") + " or " + (commands.last ?? "")
            let hint = unknown.hasPrefix("-") ? "; options come after the command, as in 'etude build \(unknown)'" : ""
            exit(withError: ValidationError("'\(unknown)' is not a command of etude; give one of \(list) (etude --help lists them)\(hint)"))
        }
        main(arguments)
    }
}
