import StudyStore
import Testing

@Suite struct PasswordTests {
    @Test func hashVerifiesOnlyTheRightPassword() throws {
        let hasher = PasswordHasher(iterations: 1000)
        let hash = try hasher.hash("correct horse battery staple")
        #expect(hash.hasPrefix("$pbkdf2-sha256$1000$"))
        #expect(!hash.contains("correct horse"))
        #expect(PasswordHasher.verify("correct horse battery staple", against: hash))
        #expect(!PasswordHasher.verify("correct horse battery stapler", against: hash))
        #expect(!PasswordHasher.verify("", against: hash))
    }

    @Test func saltsDiffer() throws {
        let hasher = PasswordHasher(iterations: 1000)
        #expect(try hasher.hash("same") != hasher.hash("same"))
    }

    @Test func defaultCostIsAtLeast600000() throws {
        #expect(PasswordHasher.defaultIterations >= 600_000)
        let hash = try PasswordHasher().hash("pw12345678")
        #expect(hash.hasPrefix("$pbkdf2-sha256$600000$"))
        #expect(PasswordHasher.verify("pw12345678", against: hash))
    }

    @Test func malformedStoredHashesNeverVerify() {
        for stored in ["", "plain", "$pbkdf2-sha256$x$AA==$AA==", "$md5$1$AA==$AA==", "$pbkdf2-sha256$1$!!$AA==", "$pbkdf2-sha256$1$AA==$"] {
            #expect(!PasswordHasher.verify("plain", against: stored))
        }
    }

    @Test func knownVector() throws {
        // RFC 7914 section 11 (PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, dkLen=64): first 32 bytes.
        let stored = "$pbkdf2-sha256$1$c2FsdA==$VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw="
        #expect(PasswordHasher.verify("passwd", against: stored))
    }
}
