import ArgumentParser
import EtudeCore
import Foundation

/// Options every command shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The project folder, holding content/, data/ and templates/.")
    var project: String = "."

    var projectValue: Project { Project(directory: URL(fileURLWithPath: project)) }
}

/// Prints each diagnostic on stderr as `file:line:col: error: …` and exits 1.
/// `trailer` follows the count of errors.
func reportingFailures<T>(trailer: String = "; nothing was written.", _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as BuildFailure {
        for diagnostic in failure.diagnostics { printError(diagnostic.description) }
        let count = failure.diagnostics.count
        printError("\(count) error\(count == 1 ? "" : "s")\(trailer.isEmpty ? "." : trailer)")
        throw ExitCode.failure
    } catch let diagnostic as Diagnostic {
        printError(diagnostic.description)
        throw ExitCode.failure
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
