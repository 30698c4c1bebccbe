@testable import DynamoDB
import Foundation
import Testing

/// The direct answer reader must agree with the generic path (JSON tree, then `AttributeValue`).
@Suite struct ItemAnswerTests {
    enum Outcome: Equatable { case item(Item?), failure(String) }

    static func generic(_ text: String, _ member: String) -> Outcome {
        do { return .item(try JSON.parse(text)[member].map(AttributeValue.item(from:))) } catch { return .failure("\(error)") }
    }

    static func direct(_ text: String, _ member: String) -> Outcome {
        do { return .item(try ItemAnswer.decode(Array(text.utf8), member: member)) } catch { return .failure("\(error)") }
    }

    @Test(arguments: [
        #"{"Item":{"id":{"S":"a"},"n":{"N":"12.5"},"b":{"B":"AAEC"},"t":{"BOOL":true},"z":{"NULL":true},"l":{"L":[{"S":"x"},{"N":"1"}]},"m":{"M":{"k":{"SS":["p","q"]}}},"ns":{"NS":["1","2"]},"bs":{"BS":["AA=="]}}}"#,
        #"{}"#, #" { "Item" : { } , "ConsumedCapacity" : {"CapacityUnits":0.5} } "#,
        #"{"Other":[1,2,{"a":null}],"Item":{"s":{"S":"\u00e9\n\"q\""}}}"#,
        #"{"Item":{"a":{"S":"1"}},"Item":{"b":{"S":"2"}}}"#, #"{"Item":{"a":{"S":"1","S":"2"}}}"#,
        #"{"Item":{"a":{"S":"1","N":"2"}}}"#, #"{"Item":{"a":{}}}"#, #"{"Item":{"a":{"X":"1"}}}"#,
        #"{"Item":{"a":{"B":"not base64!"}}}"#, #"{"Item":{"a":{"S":1}}}"#, #"{"Item":null}"#,
        #"{"Item":{"a":{"S":"1"}}"#, #"{"Item":{"a":{"S":"1"}}} x"#, #"not json"#, "",
        #"{"Attributes":{"a":{"S":"1"}}}"#,
    ])
    func agreesWithTheGenericPath(_ text: String) {
        for member in ["Item", "Attributes"] {
            #expect(Self.direct(text, member) == Self.generic(text, member), "\(text)")
        }
    }

    @Test func deepNestingFallsBack() {
        let depth = 600
        let text = #"{"Item":{"a":"# + String(repeating: #"{"L":["#, count: depth) + String(repeating: "]}", count: depth) + "}}"
        #expect(Self.direct(text, "Item") == Self.generic(text, "Item"))
    }
}
