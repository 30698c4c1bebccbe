import COpenSSL
import Foundation

/// Salted, slow password hashing (PBKDF2-HMAC-SHA256 through libcrypto) and constant-time checks.
///
/// Stored form: `$pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>`, so the cost can be
/// raised later while old hashes still verify.
public struct PasswordHasher: Sendable {
    /// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 600_000
    public var iterations: Int

    public init(iterations: Int = PasswordHasher.defaultIterations) {
        self.iterations = iterations
    }

    /// Hashes a password with a fresh 16-byte random salt.
    public func hash(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        guard sc_random_bytes(&salt, Int32(salt.count)) == 1 else {
            throw PasswordError("The system could not produce random bytes for the password salt.")
        }
        let key = try Self.derive(password, salt: salt, iterations: iterations)
        return "$pbkdf2-sha256$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(key).base64EncodedString())"
    }

    /// True when `password` matches `stored`; compares in constant time.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: true)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let iterations = Int(parts[1]), iterations > 0,
              let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])),
              !expected.isEmpty,
              let actual = try? derive(password, salt: Array(salt), iterations: iterations, length: expected.count)
        else { return false }
        return actual.withUnsafeBytes { a in
            expected.withUnsafeBytes { e in sc_constant_time_compare(a.baseAddress, e.baseAddress, expected.count) == 0 }
        }
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int, length: Int = 32) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        let pw = Array(password.utf8)
        let ok = pw.withUnsafeBufferPointer { p in
            sc_pbkdf2_hmac_sha256(
                p.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(pw.count),
                salt, Int32(salt.count), Int32(iterations), Int32(length), &out)
        }
        guard ok == 1 else { throw PasswordError("Password hashing failed: libcrypto (Debian: libssl3) is missing or failed; scripts/install-deps.sh installs it.") }
        return out
    }
}

/// A failure of the password machinery itself (not a wrong password).
public struct PasswordError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
