import Foundation

/// Opens the preview in the web browser (`etude serve --open`): the command in `BROWSER`
/// when it is set (the usual variable; `%s` in it stands for the address, which is
/// otherwise added at the end), else the system's opener (`xdg-open`, or `open` on macOS).
public enum BrowserLauncher {
    /// The program and arguments that open `url`.
    static func command(for url: String, environment: [String: String]) -> (executable: String, arguments: [String]) {
        // BROWSER may list several commands separated by colons: the first is used.
        if let browser = environment["BROWSER"]?.split(separator: ":").first.map(String.init),
           !browser.trimmingCharacters(in: .whitespaces).isEmpty {
            // The address goes in as "$1": no character of it is read by the shell.
            let line = browser.contains("%s") ? browser.replacingOccurrences(of: "%s", with: "\"$1\"") : browser + " \"$1\""
            return ("/bin/sh", ["-c", line, "sh", url])
        }
        #if os(macOS)
        return ("/usr/bin/open", [url])
        #else
        return ("/usr/bin/env", ["xdg-open", url])
        #endif
    }

    /// Starts the browser without waiting for it; `warn` says so if it cannot be started or fails.
    public static func open(_ url: String, warn: @escaping @Sendable (String) -> Void) {
        let (executable, arguments) = command(for: url, environment: ProcessInfo.processInfo.environment)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { ended in
            if ended.terminationStatus != 0 {
                warn("warning: could not open a web browser (\(([executable] + arguments.dropLast()).joined(separator: " ")) ended with status \(ended.terminationStatus)); open \(url) yourself, or set BROWSER to the command of your browser")
            }
        }
        do {
            try process.run()
        } catch {
            warn("warning: could not open a web browser (\(error.localizedDescription)); open \(url) yourself, or set BROWSER to the command of your browser")
        }
    }
}
