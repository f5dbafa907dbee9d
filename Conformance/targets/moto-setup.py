#!/usr/bin/env python3
"""Prepares a running moto server (`moto_server -H 127.0.0.1 -p PORT`) as an S3 Control target and writes the
target config the suite reads.

moto answers DescribeMultiRegionAccessPointOperation only for a token it issued, so this script creates a bucket and
a Multi-Region Access Point first and puts the returned token ARN into the config's fixtures.

Usage: python3 Conformance/targets/moto-setup.py PORT OUTPUT.json
"""
import json
import pathlib
import sys
import uuid

import boto3

port, output = int(sys.argv[1]), pathlib.Path(sys.argv[2])
endpoint = f"http://127.0.0.1:{port}"
account = "123456789012"
credentials = dict(region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")

boto3.client("s3", endpoint_url=endpoint, **credentials).create_bucket(Bucket="conformance-bucket")

control = boto3.client("s3control", endpoint_url=endpoint, **credentials)
# The SDK's endpoint rules prefix the host with the account id ("123456789012.127.0.0.1"), which no resolver knows.
control.meta.events.register("before-send.s3-control", lambda request, **_: setattr(request, "url", request.url.replace(f"//{account}.", "//")))
suffix = uuid.uuid4().hex[:12]  # a fresh access point per run, so the script can run again against the same moto
created = control.create_multi_region_access_point(
    AccountId=account, ClientToken=suffix,
    Details={"Name": f"conformance-{suffix}", "Regions": [{"Bucket": "conformance-bucket"}]})
token = created["RequestTokenARN"]

template = json.loads((pathlib.Path(__file__).parent / "moto.json").read_text())
template.pop("$schema", None)  # an editor hint, relative to Conformance/targets/
target = template["apis"]["s3control"]
target["baseURL"] = endpoint
target["fixtures"] = {"succeeded": {"RequestTokenARN": token}, "lifecycle": {"RequestTokenARN": token}}
output.parent.mkdir(parents=True, exist_ok=True)
output.write_text(json.dumps(template, indent=2) + "\n")
print(f"moto target ready: {endpoint}, token {token}")
