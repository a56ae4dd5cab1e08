"""`AWS_ENDPOINT_URL=... make run` on an emulator that make run did not start, as LocalStack users
run it: a moto server started apart (scripts/with-moto.sh, which sets AWS_ENDPOINT_URL) stands in
for LocalStack. Run through `make endpoint-test` (a part of `make test`).

The first `make run` must start no emulator of its own and create the table, the signing key and
the sender identity there as template.yaml declares them; the whole loop works (a profile, its
confirmation email, the link); `make token` signs with that key. The second `make run` on the
same emulator reuses all of it: the profile is still there and a token of the first run still
opens it. Only the standard library and boto3 (the emulator's own dependency) are used."""
import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import yaml

ROOT = Path(__file__).resolve().parents[4]
ENDPOINT = os.environ.get("AWS_ENDPOINT_URL", "")
REGION = "eu-west-3"  # the local run's
TABLE = "socialdeclik-local"  # make run's default table (and stack) name
SENDER = "no-reply@socialdeclik.example"  # make run's SenderIdentity


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(method, url, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"content-type": "application/json",
                                                                         **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def template_table():
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, tag, node: None)  # intrinsics: not needed here
    template = yaml.load((ROOT / "template.yaml").read_text(), Loader=Loader)
    tables = [r for r in template["Resources"].values() if r["Type"] == "AWS::DynamoDB::Table"]
    assert len(tables) == 1, "one table in template.yaml"
    return tables[0]["Properties"]


def client(service):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name=REGION,
                        aws_access_key_id="local", aws_secret_access_key="local")


class MakeRun:
    """`make run` in its own process group, its output in a file; stopped as Ctrl-C stops it."""

    def __init__(self):
        self.port, self.web_port = free_port(), free_port()
        self.api = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile("w+", prefix="make-run-", suffix=".log", delete=False)
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
        env.update(AWS_ENDPOINT_URL=ENDPOINT, PORT=str(self.port), WEB_PORT=str(self.web_port), MODERATION="off")
        self.process = subprocess.Popen(["make", "--no-print-directory", "run"], cwd=ROOT, env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        start_new_session=True)

    def output(self):
        return Path(self.log.name).read_text(errors="replace")

    def wait_healthy(self, timeout=600):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"make run exited ({self.process.returncode}):\n{self.output()[-4000:]}")
            try:
                status, health = request("GET", f"{self.api}/_local/health")
                if status == 200:
                    return health
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.5)
        raise AssertionError(f"make run not healthy within {timeout} s:\n{self.output()[-4000:]}")

    def commands(self):
        """The command lines of every process of the group (make, the shell, java ...)."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) == self.process.pid:  # process group id
                    found.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
            except (OSError, IndexError, ValueError):
                continue
        return found

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        deadline = time.monotonic() + 30
        while self.commands() and time.monotonic() < deadline:
            time.sleep(0.2)
        left = self.commands()
        if left:
            os.killpg(self.process.pid, signal.SIGKILL)
        os.unlink(self.log.name)
        return left


def make_token(*args, endpoint=True, api=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    if not endpoint:
        env.pop("AWS_ENDPOINT_URL", None)
    if api:
        env["API"] = api
    done = subprocess.run(["make", "--no-print-directory", "-s", "token", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise AssertionError(f"make token {' '.join(args)} failed: {done.stderr}")
    return done.stdout.strip()


@unittest.skipUnless(ENDPOINT, "needs AWS_ENDPOINT_URL: run it through scripts/with-moto.sh (make endpoint-test)")
class ExternalEndpointTest(unittest.TestCase):
    def test_make_run_creates_then_reuses_everything_on_an_emulator_it_did_not_start(self):
        dynamodb, secrets, ses = client("dynamodb"), client("secretsmanager"), client("sesv2")
        self.assertNotIn(TABLE, dynamodb.list_tables()["TableNames"], "a fresh emulator")

        first = MakeRun()
        try:
            health = first.wait_healthy()
            self.assertEqual(health["emulator"], ENDPOINT)
            commands = first.commands()
            self.assertTrue(any("org.socialdeclik.local.LocalPlatform" in c for c in commands), commands)
            self.assertFalse([c for c in commands if "moto_server" in c], "make run started an emulator")

            declared = template_table()
            table = dynamodb.describe_table(TableName=TABLE)["Table"]
            self.assertEqual(table["KeySchema"], declared["KeySchema"])
            self.assertCountEqual(table["AttributeDefinitions"], declared["AttributeDefinitions"])
            self.assertEqual(table["StreamSpecification"]["StreamViewType"],
                             declared["StreamSpecification"]["StreamViewType"])
            ttl = dynamodb.describe_time_to_live(TableName=TABLE)["TimeToLiveDescription"]
            self.assertEqual((ttl["AttributeName"], ttl["TimeToLiveStatus"]),
                             (declared["TimeToLiveSpecification"]["AttributeName"], "ENABLED"))
            key = secrets.get_secret_value(SecretId=f"{TABLE}/SigningKeySecret")["SecretString"]
            self.assertRegex(key, r"^[A-Za-z0-9]{64}$")  # PasswordLength 64, ExcludePunctuation
            identity = ses.get_email_identity(EmailIdentity=SENDER)
            self.assertTrue(identity.get("VerifiedForSendingStatus") or identity.get("VerificationStatus") == "SUCCESS",
                            identity)

            email = f"ext-{int(time.time())}@example.org"
            status, _ = request("POST", f"{first.api}/profiles", {
                "email": email, "firstName": "Ana", "lastName": "Martin", "skills": ["WordPress"],
                "location": {"postalCode": "35000"}, "mobility": "REGION", "remote": True,
                "minimumRate": 300, "proBono": False, "consent": True})
            self.assertEqual(status, 202)
            deadline, link = time.monotonic() + 90, None
            while link is None and time.monotonic() < deadline:
                _, emails = request("GET", f"{first.api}/_local/emails")
                mine = [e for e in emails if email in e["to"]]
                link = re.search(r"/verify\?token=([A-Za-z0-9_.-]+)", mine[0]["text"]) if mine else None
                time.sleep(0.25)
            self.assertIsNotNone(link, "the confirmation email")
            status, verified = request("POST", f"{first.api}/profiles/verify", {"token": link.group(1)})
            self.assertEqual(status, 200, verified)
            profile_id, first_access = verified["profileId"], verified["accessToken"]

            # make token finds the emulator and table through the run's /_local/health ...
            minted = make_token("PURPOSE=access", f"SUBJECT={profile_id}", endpoint=False, api=first.api)
            status, me = request("GET", f"{first.api}/profiles/me", headers={"authorization": f"Bearer {minted}"})
            self.assertEqual((status, me.get("email")), (200, email))
            # ... or through AWS_ENDPOINT_URL, and fills a sample event with it
            event = json.loads(make_token("PURPOSE=access", f"SUBJECT={profile_id}",
                                          "EVENT=events/profiles/me-get.json"))
            self.assertRegex(event["headers"]["authorization"], r"^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")
            status, _ = request("GET", f"{first.api}/profiles/me",
                                headers={"authorization": event["headers"]["authorization"]})
            self.assertEqual(status, 200)
        finally:
            left = first.stop()
        self.assertEqual(left, [], "processes left by the first make run")

        second = MakeRun()
        try:
            second.wait_healthy()
            self.assertFalse([c for c in second.commands() if "moto_server" in c])
            self.assertEqual(secrets.get_secret_value(SecretId=f"{TABLE}/SigningKeySecret")["SecretString"], key,
                             "the signing key is reused, not replaced")
            status, me = request("GET", f"{second.api}/profiles/me",
                                 headers={"authorization": f"Bearer {first_access}"})
            self.assertEqual((status, me.get("email")), (200, email), "the first run's profile and token")
        finally:
            left = second.stop()
        self.assertEqual(left, [], "processes left by the second make run")


if __name__ == "__main__":
    unittest.main()
