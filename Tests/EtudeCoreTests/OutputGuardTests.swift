import Foundation
import Testing
@testable import EtudeCore

/// `--output` never destroys what the build did not write: refused destinations leave
/// everything as it was, and the files of an output Étude did not write survive rebuilds.
@Suite(.serialized) struct OutputGuardTests {
    static let golden = TestSupport.fixtures.appendingPathComponent("golden/project")

    /// A copy of the golden project at `<new folder>/p`, so that a test may aim at it.
    static func projectCopy() throws -> URL {
        let project = try TestSupport.temporaryDirectory().appendingPathComponent("p")
        try FileManager.default.copyItem(at: golden, to: project)
        return project
    }

    /// Runs `etude build` into `output`; expects exit 1, this one error on stderr, and
    /// every file under `root` (the project, its neighbours) as it was.
    func expectRefused(_ project: URL, output: String, root: URL, extra: [String] = [], error: String) throws {
        let before = try TestSupport.tree(root)
        let result = try TestSupport.runEtude(["build", "--project", project.path, "--output", output] + extra)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "\(output): error: \(error)\n1 error; nothing was written.\n")
        #expect(try TestSupport.tree(root) == before)
        #expect(try TestSupport.tree(project) == TestSupport.tree(Self.golden))
    }

    static let ownFolder = "give a folder of its own, such as the default 'output' folder of the project"

    @Test func outputIsTheProject() throws {
        let project = try Self.projectCopy()
        for extra in [[], ["--force"]] {
            try expectRefused(project, output: project.path, root: project, extra: extra,
                              error: "the output folder is the project folder itself, which a build would replace; \(Self.ownFolder)")
        }
        // The same folder reached through `..`.
        try expectRefused(project, output: project.path + "/content/..", root: project,
                          error: "the output folder is the project folder itself, which a build would replace; \(Self.ownFolder)")
    }

    @Test func outputIsALinkToTheProject() throws {
        let project = try Self.projectCopy()
        let link = project.deletingLastPathComponent().appendingPathComponent("lien")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: project)
        try expectRefused(project, output: link.path, root: project.deletingLastPathComponent(), extra: ["--force"],
                          error: "the output folder is the project folder itself, which a build would replace; \(Self.ownFolder)")
    }

    @Test func outputUnderARegularFile() throws {
        let root = try TestSupport.makeProject(["fichier": "un fichier"])
        let output = root.appendingPathComponent("fichier/site").path
        try expectRefused(Self.golden, output: output, root: root,
                          error: "cannot create the output folder: \(OutputGuard.resolved(root).path)/fichier is a file, not a folder; give another output folder")
    }

    @Test func outputIsTheProjectsParent() throws {
        let project = try Self.projectCopy()
        let parent = project.deletingLastPathComponent()
        try Data("voisin".utf8).write(to: parent.appendingPathComponent("voisin.txt"))
        for extra in [[], ["--force"]] {
            try expectRefused(project, output: parent.path, root: parent, extra: extra,
                              error: "the output folder contains the project (\(OutputGuard.resolved(project).path)), which a build would replace; \(Self.ownFolder)")
        }
    }

    @Test(arguments: ["content", "content/site", "data", "templates/partials", "static"])
    func outputInsideAFolderTheBuildReads(folder: String) throws {
        let project = try Self.projectCopy()
        try expectRefused(project, output: project.appendingPathComponent(folder).path, root: project, extra: ["--force"],
                          error: "the output folder is inside the project's \(folder.split(separator: "/")[0])/ folder, which the build reads; "
                              + "give a folder outside content/, data/, templates/ and static/, such as the default 'output' folder of the project")
    }

    @Test func outputIsARegularFile() throws {
        let root = try TestSupport.temporaryDirectory()
        let file = root.appendingPathComponent("site")
        try Data("un fichier".utf8).write(to: file)
        for extra in [[], ["--force"]] {
            try expectRefused(Self.golden, output: file.path, root: root, extra: extra,
                              error: "the output is a file, not a folder, and a build would replace it; give the path of a new or empty folder, or move the file away")
        }
    }

    @Test func foreignNonEmptyFolderNeedsForce() throws {
        let root = try TestSupport.makeProject(["site/index.html": "page faite à la main", "site/notes.txt": "mes notes", "site/.git/HEAD": "ref: refs/heads/gh-pages\n"])
        let output = root.appendingPathComponent("site")
        try expectRefused(Self.golden, output: output.path, root: root,
                          error: "the output folder holds files Étude did not write (index.html, notes.txt) and no .etude-manifest; "
                              + "give a new or empty folder, or add --force to build into it (its files are kept, except those the build writes)")

        let forced = try TestSupport.runEtude(["build", "--project", Self.golden.path, "--output", output.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let tree = try TestSupport.tree(output)
        #expect(tree["notes.txt"] == Data("mes notes".utf8))
        #expect(tree[".git/HEAD"] == Data("ref: refs/heads/gh-pages\n".utf8))
        #expect(tree["index.html"] != Data("page faite à la main".utf8), "the build replaces the files it writes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"], "no temporary folder left")
        // Now Étude's: a plain rebuild needs no --force and keeps the user's file.
        let again = try TestSupport.runEtude(["build", "--project", Self.golden.path, "--output", output.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try TestSupport.tree(output) == tree)
    }

    /// An output/ built before Étude wrote a manifest, as the default output: named as `output`.
    @Test func defaultOutputWithoutManifest() throws {
        let project = try Self.projectCopy()
        try Data("ancienne".utf8).write(to: project.appendingPathComponent("output/index.html").creatingParent())
        let before = try TestSupport.tree(project)
        let result = try TestSupport.runEtude(["build", "--project", project.path])
        #expect(result.status == 1)
        #expect(result.stderr == "output: error: the output folder holds files Étude did not write (index.html) and no .etude-manifest; "
            + "give a new or empty folder, or add --force to build into it (its files are kept, except those the build writes)\n1 error; nothing was written.\n")
        #expect(try TestSupport.tree(project) == before)
    }

    @Test func forceHelpIsShown() throws {
        for command in ["build", "pdf"] {
            let result = try TestSupport.runEtude([command, "--help"])
            #expect(result.stdout.contains("--force"))
            #expect(result.stdout.contains(".etude-manifest"))
        }
    }

    /// The problems of the output and of the project are reported together.
    @Test func refusedOutputAndProjectErrorsAreReportedAtOnce() throws {
        let root = try TestSupport.temporaryDirectory()
        let file = root.appendingPathComponent("site")
        try Data("un fichier".utf8).write(to: file)
        let project = Project(directory: TestSupport.fixtures.appendingPathComponent("errors/unknown-figure/project"))
        let error = #expect(throws: BuildFailure.self) { try SiteBuilder(project: project).build(into: file) }
        #expect(error?.diagnostics.map(\.description) == [
            "\(file.path): error: the output is a file, not a folder, and a build would replace it; give the path of a new or empty folder, or move the file away",
            "content/index.md:7:21: error: unknown figure 'adoption.admin'; did you mean 'adoption.administrative'?",
        ])
        #expect(try Data(contentsOf: file) == Data("un fichier".utf8))
    }
}
