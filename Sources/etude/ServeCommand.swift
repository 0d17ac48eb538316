import ArgumentParser
import EtudeCore
import EtudeServe
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Previews the site: builds it into a private folder, serves it and rebuilds it on every change.",
        discussion: """
            The preview never touches the output folder. Open pages reload themselves after each rebuild; \
            a build error is shown over the last good page until the file is fixed. Ctrl-C stops it.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8000

    @Option(name: .long, help: ArgumentHelp("The address to listen on.",
        discussion: "Only this machine can read the default 127.0.0.1; any other address lets others on the network read the preview."))
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Open the preview in the web browser.")
    var open = false

    func run() throws {
        let address = host == "localhost" ? "127.0.0.1" : host
        let session: PreviewSession
        do {
            session = try PreviewSession(project: options.projectValue, includeDrafts: options.drafts, host: address, port: port,
                                         log: { say($0) }, warn: { printError($0) })
        } catch PreviewSession.Error.notAnAddress {
            throw ValidationError("'\(host)' is not an IP address; give one such as 127.0.0.1 (this machine only, the default) or 0.0.0.0 (every network) with --host")
        }
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            printError("warning: serving on \(host): other machines on the network can read the preview; leave out --host to keep it on this machine only")
        }
        Self.stopCleanly(session, on: [SIGINT, SIGTERM])
        let shown = address.contains(":") ? "[\(address)]" : address
        let port = self.port, open = self.open
        Task {
            do {
                let actual = try await session.start()
                let url = "http://\(shown):\(actual)/"
                say("Serving the preview at \(url) (Ctrl-C stops it)")
                if open { BrowserLauncher.open(url, warn: { printError($0) }) }
            } catch let PreviewSession.Error.cannotListen(reason) {
                printError("error: cannot listen on \(shown):\(port): \(reason); give another port with --port (0 picks a free one), or stop the program using it")
                session.removeFolder()
                Foundation.exit(1)
            } catch {
                printError("error: cannot start the preview: \(error)")
                session.removeFolder()
                Foundation.exit(1)
            }
            await session.watch()
        }
        dispatchMain()
    }

    /// On Ctrl-C (or a TERM signal), removes the private folder and exits with status 0.
    private static func stopCleanly(_ session: PreviewSession, on signals: [Int32]) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                session.removeFolder()
                say("Stopped the preview.")
                Foundation.exit(0)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Keeps the signal sources alive for the whole run.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
}

/// Writes a line on the standard output at once: `print` is buffered when the output is a pipe.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
