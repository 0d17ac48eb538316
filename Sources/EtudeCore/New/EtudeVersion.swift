/// The version `etude --version` prints; raise it with each release.
public enum EtudeVersion {
    public static let current = "0.2.0"
}
