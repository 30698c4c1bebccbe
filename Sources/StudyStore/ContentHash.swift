import COpenSSL
import StudyModel

/// The fingerprint that recognises a document added twice: SHA-256 of its text, in hex.
public enum ContentHash {
    public static func of(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let bytes = Array(text.utf8)
        // Fails only without libcrypto (loaded on first use), which install-deps installs.
        _ = sc_sha256(bytes, bytes.count, &digest)
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
