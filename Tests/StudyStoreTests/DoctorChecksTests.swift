import Foundation
import StudyBackend
import StudyModel
import StudyStore
import Testing

/// The pieces of `doctor` and the importer that need no backend: region form, clock offset,
/// HTTP dates, the helper programs' environment.
@Suite struct DoctorChecksTests {
    @Test func regionsAreClassifiedByForm() {
        for region in ["us-east-1", "eu-central-2", "us-gov-west-1", "cn-north-1", "ap-southeast-3", "us-isob-east-1"] {
            #expect(RegionFormat.classify(region) == .aws, "\(region)")
        }
        for region in ["moon-1", "local", "us-east"] {
            #expect(RegionFormat.classify(region) == .nonAWS, "\(region)")
        }
        for region in ["us east 1", "US-EAST-1", "", "us-east-1\u{1B}", "eu_west_1"] {
            #expect(RegionFormat.classify(region) == .invalid, "\(region)")
        }
    }

    @Test func clockOffsetsAreJudgedByHowFarOffTheyAre() {
        #expect(ClockCheck.judge(offset: 0.4).status == .ok)
        #expect(ClockCheck.judge(offset: -9).status == .ok)
        let behind = ClockCheck.judge(offset: -15)
        #expect(behind.status == .warning)
        #expect(behind.detail == "15 s behind the server")
        #expect(ClockCheck.judge(offset: 400).status == .problem)
        #expect(ClockCheck.judge(offset: 400).detail.contains("ahead of"))
    }

    @Test func httpDatesParse() throws {
        let date = try #require(ClockCheck.parseHTTPDate("Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(date.timeIntervalSince1970 == 784_111_777)
        #expect(ClockCheck.parseHTTPDate("yesterday") == nil)
    }

    @Test func helperProgramsGetOnlyPathAndLocale() {
        let env = DocumentImporter.toolEnvironment([
            "PATH": "/usr/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": "en",
            "STUDYCIRCLE_PASSWORD": "x", "STUDYCIRCLE_LLM_API_KEY": "k", "AWS_SECRET_ACCESS_KEY": "s", "HOME": "/root",
        ])
        #expect(Set(env.keys) == ["PATH", "LANG", "LC_ALL", "LANGUAGE"])
    }

    @Test func countsReadAsWords() {
        var counts = TransferCounts()
        counts.add(.written, "content")
        counts.add(.written, "content")
        counts.add(.written, "summary")
        counts.add(.written, "user")
        counts.add(.alreadyPresent, "message")
        #expect(counts.description == "1 user, 2 documents, 1 summary, 1 already present")
    }

    @Test func validationMessagesNameNoStoredField() {
        #expect(ValidationError("summaryText", "Summary text must not be empty.").description == "Summary text must not be empty.")
        do {
            _ = try User.SubscriptionPlan.parse("gold", field: "subscriptionPlan")
            Issue.record("gold is no plan")
        } catch {
            #expect("\(error)".contains("not a valid subscription plan"), "\(error)")
        }
    }
}
