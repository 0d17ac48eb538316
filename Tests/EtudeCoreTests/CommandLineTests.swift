import Foundation
import Testing
@testable import EtudeCore

/// `etude new`, `etude --version`, and commands that do not exist.
@Suite(.serialized) struct CommandLineTests {
    static let commandList = "give one of build, check, new, pdf or serve (etude --help lists them)"

    @Test func newProjectPassesStrictCheckAndBuilds() throws {
        let project = try TestSupport.temporaryDirectory().appendingPathComponent("mon-etude")
        let created = try TestSupport.runEtude(["new", project.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("Created \(project.path) (\(StarterProject.all.count) files)."))
        #expect(try TestSupport.tree(project).keys.sorted() == StarterProject.all.keys.sorted())
        #expect(try String(contentsOf: project.appendingPathComponent(".gitignore"), encoding: .utf8).contains("output/"))
        let check = try TestSupport.runEtude(["check", "--strict", "--project", project.path])
        #expect(check.status == 0)
        #expect(check.stderr == "")
        #expect(check.stdout.hasPrefix("Checked 3 pages and "))
        #expect(check.stdout.hasSuffix(": no errors, no warnings.\n"))
        let build = try TestSupport.runEtude(["build", "--project", project.path])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.wholeMatch(of: /Built 3 pages in \d+ ms\n/) != nil, "\(build.stdout)")
        let resultats = try String(contentsOf: project.appendingPathComponent("output/resultats.html"), encoding: .utf8)
        #expect(resultats.contains("<svg"), "the findings page has a chart")
        let methode = try String(contentsOf: project.appendingPathComponent("output/methode.html"), encoding: .utf8)
        #expect(methode.contains("id=\"source-exemple\""), "the methods page lists the sources")
    }

    /// `etude new --language en`: an English project, in English words and number format.
    @Test func newEnglishProjectBuildsInEnglish() throws {
        let project = try TestSupport.temporaryDirectory().appendingPathComponent("my-study")
        let created = try TestSupport.runEtude(["new", project.path, "--language", "en"])
        #expect(created.status == 0, "\(created.stderr)")
        let english = try #require(StarterProject.all(language: "en"))
        #expect(try TestSupport.tree(project).keys.sorted() == english.keys.sorted())
        #expect(try #require(english["data/site.yaml"]).contains("language: en"))
        #expect(try #require(english["data/figures.yaml"]).contains("FICTITIOUS"))
        let check = try TestSupport.runEtude(["check", "--strict", "--project", project.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasSuffix(": no errors, no warnings.\n"))
        #expect(try TestSupport.runEtude(["build", "--project", project.path]).status == 0)
        let home = try String(contentsOf: project.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(home.contains("<html lang=\"en\">"))
        #expect(home.contains(">Skip to content</a>"))
        #expect(!home.contains("Aller au contenu"))
    }

    @Test func newRefusesALanguageWithoutStarter() throws {
        let project = try TestSupport.temporaryDirectory().appendingPathComponent("studie")
        let result = try TestSupport.runEtude(["new", project.path, "--language", "de"])
        #expect(result.status != 0)
        #expect(result.stderr == "--language: error: there is no starter project in 'de' (there is one in fr and en); start from --language en, "
            + "then set language: in data/site.yaml and translate the pages (see Languages in the README)\n")
        #expect(!FileManager.default.fileExists(atPath: project.path))
    }

    /// The example figures say, in the data file and on the home page, that they are invented.
    @Test func newProjectMarksItsFiguresAsFictitious() throws {
        let figures = try #require(StarterProject.files["data/figures.yaml"])
        #expect(figures.hasPrefix("# EXEMPLE FICTIF"))
        #expect(try #require(StarterProject.files["content/index.md"]).contains("**Exemple fictif.**"))
        #expect(try #require(StarterProject.files["README.md"]).contains("exemple fictif"))
    }

    @Test func newAcceptsAnEmptyFolder() throws {
        let project = try TestSupport.temporaryDirectory()
        #expect(try TestSupport.runEtude(["new", project.path]).status == 0)
    }

    @Test func newRefusesANonEmptyFolderAndTouchesNothing() throws {
        let folder = try TestSupport.makeProject(["notes.txt": "mes notes"])
        let before = try TestSupport.tree(folder)
        let result = try TestSupport.runEtude(["new", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "\(folder.path): error: this folder is not empty, and a new project could overwrite its files; give a new or empty folder\n")
        #expect(try TestSupport.tree(folder) == before)
    }

    @Test func newRefusesAFile() throws {
        let file = try TestSupport.makeProject(["notes.txt": "mes notes"]).appendingPathComponent("notes.txt")
        let result = try TestSupport.runEtude(["new", file.path])
        #expect(result.status == 1)
        #expect(result.stderr == "\(file.path): error: this is a file, not a folder; give the name of a new folder for the project\n")
    }

    @Test func versionIsPrinted() throws {
        let result = try TestSupport.runEtude(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == EtudeVersion.current + "\n")
    }

    @Test(arguments: [["foo"], ["foo", "--help"], ["preview", "--help"], ["init"], ["help", "foo"]])
    func unknownCommandIsAnError(arguments: [String]) throws {
        let result = try TestSupport.runEtude(arguments)
        let name = arguments.first == "help" ? arguments[1] : arguments[0]
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: '\(name)' is not a command of etude; \(Self.commandList)\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("OVERVIEW"))
    }

    @Test func optionsBeforeTheCommandAreAnError() throws {
        let result = try TestSupport.runEtude(["--project", "."])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: '--project' is not a command of etude; \(Self.commandList); options come after the command, as in 'etude build --project'\n"))
    }

    /// `etude` alone builds the project of the current folder.
    @Test func etudeAloneBuilds() throws {
        let project = try TestSupport.temporaryDirectory().appendingPathComponent("p")
        try ProjectCreator(directory: project, shown: "p").create()
        let result = try TestSupport.run(TestSupport.etudeBinary, [], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Built 3 pages"))
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("output/index.html").path))
    }
}
