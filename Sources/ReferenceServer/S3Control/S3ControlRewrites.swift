import ConformanceModel

/// S3 Control's defects that change only its answers (`Defect.spec`).
extension WireRewrite {
    static let s3ControlWrongNamespace = WireRewrite { reply in
        guard reply.fixtureRole != nil else { return }
        reply.replace("xmlns=\"\(S3ControlAPI.namespace)\"", with: "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"")
    }

    /// The failed operation's answer names another token ARN.
    static let s3ControlEchoesOtherToken = WireRewrite { reply in
        guard reply.fixtureRole == "failed" else { return }
        reply.replace(
            "<RequestTokenARN>[^<]*</RequestTokenARN>",
            with: "<RequestTokenARN>\(XMLText.escape(ReferenceFixtures.s3Token("0000000000000001")))</RequestTokenARN>",
            options: .regularExpression)
    }

    /// The in-progress answer carries a billion-laughs entity expansion.
    static let s3ControlEntityBomb = WireRewrite { reply in
        guard reply.fixtureRole == "in-progress" else { return }
        let root = "DescribeMultiRegionAccessPointOperationResult"
        reply.replace("<\(root) ", with: BillionLaughs.doctype(root: root) + "<\(root) ")
        reply.replace(
            "CreateMultiRegionAccessPoint</Operation>", with: "CreateMultiRegionAccessPoint&lol9;</Operation>")
    }

    /// The operation behind the succeeded fixture is reported FAILED.
    static let s3ControlSucceededAnswersFailed = WireRewrite { reply in
        guard reply.fixtureRole == "succeeded" else { return }
        reply.replace("<RequestStatus>SUCCEEDED</RequestStatus>", with: "<RequestStatus>FAILED</RequestStatus>")
    }

    static let s3ControlRequestStatusRepeated = WireRewrite { reply in
        guard reply.status == 200 else { return }
        reply.replace(
            "(<RequestStatus>(NEW|IN_PROGRESS)</RequestStatus>)", with: "$1<RequestStatus>SUCCEEDED</RequestStatus>",
            options: .regularExpression)
    }

    static let s3ControlNameInCapitals = WireRewrite { reply in
        guard reply.status == 200 else { return }
        reply.replace("<Name>conformance-mrap</Name>", with: "<Name>Conformance-MRAP</Name>")
    }
}
