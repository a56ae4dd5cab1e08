#!/usr/bin/env python3
"""Writes the sample events: real-shaped API Gateway v2 and DynamoDB stream events, one per
function and case. Handler tests load them, and so does `sam local invoke -e`. Run it after
changing a sample: python3 events/generate.py"""
import base64, copy, hashlib, json, os
root = os.path.dirname(os.path.abspath(__file__))
def http(method, path, route, body=None, path_params=None, query=None, headers=None, ctype='application/json; charset=utf-8'):
    h = {"accept": "application/json", "accept-language": "fr-FR,fr;q=0.9", "host": "abc123.execute-api.eu-west-3.amazonaws.com",
         "user-agent": "Mozilla/5.0", "x-forwarded-for": "203.0.113.10", "x-forwarded-port": "443", "x-forwarded-proto": "https",
         "origin": "https://www.socialdeclik.example"}
    if body is not None and ctype:
        h["content-type"] = ctype
    if headers: h.update(headers)
    e = {"version": "2.0", "routeKey": route, "rawPath": path, "rawQueryString": "&".join(f"{k}={v}" for k,v in (query or {}).items()),
         "headers": h,
         "requestContext": {"accountId": "123456789012", "apiId": "abc123", "domainName": "abc123.execute-api.eu-west-3.amazonaws.com",
             "domainPrefix": "abc123", "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.10", "userAgent": "Mozilla/5.0"},
             "requestId": "Jb8fXhKwCGYEMxQ=", "routeKey": route, "stage": "$default", "time": "27/Nov/2026:20:00:00 +0000", "timeEpoch": 1795809600000},
         "isBase64Encoded": False}
    if query: e["queryStringParameters"] = query
    if path_params: e["pathParameters"] = path_params
    if body is not None: e["body"] = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    return e
mission = {
  "title": "Refonte du site WordPress de l'association",
  "description": "Notre site date de 2015 et n'est plus à jour. Nous cherchons une personne pour le refaire, le rendre accessible et facile à mettre à jour par les bénévoles.",
  "organization": {"name": "Les Jardins Partagés", "type": "ASSOCIATION", "email": "contact@jardins.example", "website": "https://jardins.example"},
  "skills": ["WordPress", "UX design"], "causes": ["environnement"], "location": {"department": "35"}, "workMode": "REMOTE",
  "budget": 3000, "estimatedDays": 6, "proBono": False, "startDate": "2030-02-01", "applicationDeadline": "2030-01-20", "locale": "fr"}
profile = {"email": "ana.martin@example.org", "firstName": "Ana", "lastName": "Martin", "headline": "Développeuse WordPress",
  "bio": "Dix ans de sites associatifs.", "portfolioUrl": "https://ana-martin.example", "skills": ["WordPress", "référencement naturel"], "causes": ["environnement", "solidarité et inclusion"],
  "location": {"postalCode": "35000"}, "mobility": "REGION", "remote": True, "dailyRate": 450, "minimumRate": 300, "proBono": False,
  "availability": {"daysPerMonth": 4, "from": "2030-01-04"}, "languages": ["fr", "en"], "locale": "fr", "consent": True}
def w(name, e):
    p = os.path.join(root, name); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'w') as f: json.dump(e, f, ensure_ascii=False, indent=2); f.write('\n')
w('missions/submit.json', http('POST', '/missions', 'POST /missions', mission))
bad = copy.deepcopy(mission); bad['title'] = ''; bad['skills'] = ['WordPress', 42]; bad['workMode'] = 'ONSITE'; del bad['location']; bad['budget'] = 0; bad['color'] = 'red'
w('missions/submit-invalid.json', http('POST', '/missions', 'POST /missions', bad))
w('missions/submit-malformed.json', http('POST', '/missions', 'POST /missions', '{"title": "Refonte", '))
w('missions/submit-wrong-content-type.json', http('POST', '/missions', 'POST /missions', 'title=Refonte', ctype='application/x-www-form-urlencoded'))
w('missions/review-approve.json', http('POST', '/missions/m-demo-1/review', 'POST /missions/{id}/review', {"token": "REPLACE_WITH_REVIEW_TOKEN", "decision": "APPROVE"}, {"id": "m-demo-1"}))
w('missions/review-reject.json', http('POST', '/missions/m-demo-1/review', 'POST /missions/{id}/review', {"token": "REPLACE_WITH_REVIEW_TOKEN", "decision": "REJECT", "reason": "Hors du champ de l'ESS"}, {"id": "m-demo-1"}))
w('missions/get.json', http('GET', '/missions/m-demo-1', 'GET /missions/{id}', None, {"id": "m-demo-1"}))
admin_auth = {"authorization": "Bearer REPLACE_WITH_ADMIN_TOKEN"}
w('missions/admin-link.json', http('POST', '/admin/link', 'POST /admin/link', {"email": "admin@socialdeclik.example", "locale": "fr"}))
w('missions/admin-missions.json', http('GET', '/admin/missions', 'GET /admin/missions', None, query={"status": "PENDING_REVIEW"}, headers=admin_auth))
w('missions/admin-vocabulary-unknown.json', http('GET', '/admin/vocabulary/unknown', 'GET /admin/vocabulary/unknown', None, headers=admin_auth))
w('missions/admin-vocabulary-synonym.json', http('POST', '/admin/vocabulary', 'POST /admin/vocabulary', {"kind": "skill", "text": "UX/UI", "mapTo": "ux-design"}, headers=admin_auth))
w('missions/admin-vocabulary-term.json', http('POST', '/admin/vocabulary', 'POST /admin/vocabulary', {"kind": "skill", "term": {"id": "scribus", "fr": "Scribus (mise en page)", "en": "Scribus (desktop publishing)", "synonyms": ["Scribus"]}}, headers=admin_auth))
w('missions/admin-stats.json', http('GET', '/admin/stats', 'GET /admin/stats', None, headers=admin_auth))
w('missions/vocabulary.json', http('GET', '/vocabulary', 'GET /vocabulary'))
w('missions/review-by-admin.json', http('POST', '/missions/m-demo-1/review', 'POST /missions/{id}/review', {"decision": "APPROVE"}, {"id": "m-demo-1"}, headers=admin_auth))
w('profiles/create.json', http('POST', '/profiles', 'POST /profiles', profile))
badp = copy.deepcopy(profile); badp['email'] = 'not-an-email'; badp['consent'] = False; badp['minimumRate'] = 900; badp['location'] = {"postalCode": "99999"}
w('profiles/create-invalid.json', http('POST', '/profiles', 'POST /profiles', badp))
w('profiles/verify.json', http('POST', '/profiles/verify', 'POST /profiles/verify', {"token": "REPLACE_WITH_VERIFY_TOKEN"}))
w('profiles/verify-tampered.json', http('POST', '/profiles/verify', 'POST /profiles/verify', {"token": "UFJPRklMRXxwLWRlbW98OTk5OTk5OTk5OXxub25jZQ.c2lnbmF0dXJlLXRoYXQtaXMtbm90LXJpZ2h0"}))

# stream events
arn = "arn:aws:dynamodb:eu-west-3:123456789012:table/socialdeclik-Table-1ABC/stream/2026-11-27T20:00:00.000"
def S(v): return {"S": v}
def rec(name, keys, new=None, old=None, seq="100000000000000000001"):
    d = {"ApproximateCreationDateTime": 1795809600, "Keys": keys, "SequenceNumber": seq, "SizeBytes": 512, "StreamViewType": "NEW_AND_OLD_IMAGES"}
    if new is not None: d["NewImage"] = new
    if old is not None: d["OldImage"] = old
    return {"eventID": "c81e728d9d4c2f636f067f89cc14862c", "eventName": name, "eventVersion": "1.1", "eventSource": "aws:dynamodb",
            "awsRegion": "eu-west-3", "dynamodb": d, "eventSourceARN": arn}
mdoc = copy.deepcopy(mission); mdoc['id'] = 'm-demo-1'
mkeys = {"pk": S("MISSION#m-demo-1"), "sk": S("A")}
mnew = {"pk": S("MISSION#m-demo-1"), "sk": S("A"), "entity": S("MISSION"), "status": S("PUBLISHED"), "doc": S(json.dumps(mdoc, ensure_ascii=False)),
        "createdAt": S("2026-11-27T20:00:00Z"), "updatedAt": S("2026-11-27T20:05:00Z")}
mold = dict(mnew); mold["status"] = S("PENDING_REVIEW"); mold["updatedAt"] = S("2026-11-27T20:00:00Z")
w('matching/mission-published.json', {"Records": [rec("MODIFY", mkeys, mnew, mold)]})
pdoc = copy.deepcopy(profile); pdoc['id'] = 'p-demo-1'; pdoc['location'] = {'department': '35', 'postalCode': '35000'}
pkeys = {"pk": S("PROFILE#p-demo-1"), "sk": S("A")}
pnew = {"pk": S("PROFILE#p-demo-1"), "sk": S("A"), "entity": S("PROFILE"), "status": S("ACTIVE"), "doc": S(json.dumps(pdoc, ensure_ascii=False)),
        "createdAt": S("2026-11-27T20:00:00Z"), "updatedAt": S("2026-11-27T20:05:00Z"), "verifiedAt": S("2026-11-27T20:05:00Z")}
pold = dict(pnew); pold["status"] = S("PENDING_VERIFICATION"); pold["verifyNonce"] = S("n0nce-demo"); del pold["verifiedAt"]; pold["updatedAt"] = S("2026-11-27T20:00:00Z")
w('matching/profile-activated.json', {"Records": [rec("MODIFY", pkeys, pnew, pold)]})
def outbox(oid, kind, refs, seq):
    keys = {"pk": S("OUTBOX#" + oid), "sk": S("A")}
    new = {"pk": S("OUTBOX#" + oid), "sk": S("A"), "entity": S("OUTBOX"), "kind": S(kind), "refs": {"M": {k: S(v) for k,v in refs.items()}},
           "state": S("PENDING"), "createdAt": S("2026-11-27T20:05:00Z"), "ttl": {"N": "1798401900"}}
    return rec("INSERT", keys, new, None, seq)
# what the admins' counters are kept from (StatsFunction): each record has its own eventID, the key of "counted once"
def srec(event_id, *args, **kwargs):
    r = rec(*args, **kwargs); r["eventID"] = event_id; return r
mins = dict(mold); mins["missionStatus"] = S("PENDING_REVIEW")
matchkeys = {"pk": S("MISSION#m-demo-1"), "sk": S("MATCH#p-demo-1")}
matchnew = {"pk": S("MISSION#m-demo-1"), "sk": S("MATCH#p-demo-1"), "entity": S("MATCH"), "missionId": S("m-demo-1"),
            "profileId": S("p-demo-1"), "state": S("PROPOSED"), "createdAt": S("2026-11-27T20:06:00Z")}
intkeys = {"pk": S("MISSION#m-demo-1"), "sk": S("INTEREST#p-demo-1")}
intnew = {"pk": S("MISSION#m-demo-1"), "sk": S("INTEREST#p-demo-1"), "entity": S("INTEREST"), "missionId": S("m-demo-1"),
          "profileId": S("p-demo-1"), "createdAt": S("2026-11-28T09:00:00Z")}
w('stats/changes.json', {"Records": [
    srec("5a1e0c4b0d5e4c1e9f00000000000001", "INSERT", mkeys, mins, None, "300000000000000000001"),
    srec("5a1e0c4b0d5e4c1e9f00000000000002", "MODIFY", mkeys, mnew, mins, "300000000000000000002"),
    srec("5a1e0c4b0d5e4c1e9f00000000000003", "MODIFY", pkeys, pnew, pold, "300000000000000000003"),
    srec("5a1e0c4b0d5e4c1e9f00000000000004", "INSERT", matchkeys, matchnew, None, "300000000000000000004"),
    srec("5a1e0c4b0d5e4c1e9f00000000000005", "INSERT", intkeys, intnew, None, "300000000000000000005")]})
w('notifier/proposal.json', {"Records": [outbox("PROPOSAL#m-demo-1#p-demo-1", "PROPOSAL", {"missionId": "m-demo-1", "profileId": "p-demo-1"}, "200000000000000000001")]})
w('notifier/verification.json', {"Records": [outbox("VERIFY#p-demo-1", "VERIFY", {"profileId": "p-demo-1"}, "200000000000000000002")]})
w('notifier/mission-confirmation-and-review.json', {"Records": [
    outbox("CONFIRM#m-demo-1", "MISSION_CONFIRMATION", {"missionId": "m-demo-1"}, "200000000000000000003"),
    outbox("REVIEW#m-demo-1", "MISSION_REVIEW", {"missionId": "m-demo-1"}, "200000000000000000004")]})
w('notifier/interest.json', {"Records": [
    outbox("INTEREST_ORG#m-demo-1#p-demo-1", "INTEREST_ORGANIZATION", {"missionId": "m-demo-1", "profileId": "p-demo-1"}, "200000000000000000006"),
    outbox("INTEREST_ACK#m-demo-1#p-demo-1", "INTEREST_CONFIRMATION", {"missionId": "m-demo-1", "profileId": "p-demo-1"}, "200000000000000000007")]})
w('notifier/matching-report.json', {"Records": [outbox("REPORT#m-demo-1", "MATCHING_REPORT", {
    "missionId": "m-demo-1", "eligible": "0", "deferred": "0", "missingSkills": "Drupal", "place": "2", "pay": "3",
    "medianMinimum": "380", "proBono": "0", "time": "0"}, "200000000000000000008")]})
# the admin is named by the first 16 hex digits of the SHA-256 of its address (OutboxEntry.part), never by the address
admin_part = hashlib.sha256(b"admin@socialdeclik.example").hexdigest()[:16]
w('notifier/admin-link.json', {"Records": [outbox("ADMIN_LINK#" + admin_part + "#3325000", "ADMIN_LINK", {"admin": admin_part, "locale": "en"}, "200000000000000000009")]})
w('notifier/digest.json', {"Records": [outbox("DIGEST#p-demo-1#1a2b3c", "DIGEST", {"profileId": "p-demo-1", "missionIds": "m-demo-1"}, "200000000000000000005")]})
w('missions/close.json', http('POST', '/missions/m-demo-1/close', 'POST /missions/{id}/close', {"token": "REPLACE_WITH_MANAGE_TOKEN"}, {"id": "m-demo-1"}))
w('profiles/auth-link.json', http('POST', '/auth/link', 'POST /auth/link', {"email": "ana.martin@example.org"}))
auth = {"authorization": "Bearer REPLACE_WITH_ACCESS_TOKEN"}
w('profiles/me-get.json', http('GET', '/profiles/me', 'GET /profiles/me', None, headers=auth))
upd = copy.deepcopy(profile); del upd['email']; upd['headline'] = 'Développeuse WordPress et accessibilité'; upd['skills'] = ['accessibilité', 'SEO']
w('profiles/me-put.json', http('PUT', '/profiles/me', 'PUT /profiles/me', upd, headers=auth))
w('profiles/me-delete.json', http('DELETE', '/profiles/me', 'DELETE /profiles/me', None, headers=auth))
w('profiles/interest.json', http('POST', '/interests', 'POST /interests', {"token": "REPLACE_WITH_INTEREST_TOKEN"}))
w('profiles/unsubscribe.json', http('POST', '/unsubscribe', 'POST /unsubscribe', {"token": "REPLACE_WITH_UNSUBSCRIBE_TOKEN"}))
w('profiles/unsubscribe-one-click.json', http('POST', '/unsubscribe', 'POST /unsubscribe', 'List-Unsubscribe=One-Click',
  query={"token": "REPLACE_WITH_UNSUBSCRIBE_TOKEN"}, ctype='application/x-www-form-urlencoded',
  headers={"user-agent": "Mozilla/5.0 (mail provider one-click)"}))
w('profiles/availability.json', http('POST', '/profiles/availability', 'POST /profiles/availability',
  {"token": "REPLACE_WITH_AVAILABILITY_TOKEN", "answer": "PAUSE", "until": "2027-03-01"}))
w('deferred/hourly.json', {"version": "0", "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "detail-type": "Scheduled Event",
  "source": "aws.scheduler", "account": "123456789012", "time": "2026-11-27T21:00:00Z", "region": "eu-west-3",
  "resources": ["arn:aws:scheduler:eu-west-3:123456789012:schedule/default/socialdeclik-Hourly"], "detail": {}})
w('follow-up/hourly.json', {"version": "0", "id": "0f6b2c9e-3d1a-4c57-8e2b-6a9d4f1c7b30", "detail-type": "Scheduled Event",
  "source": "aws.scheduler", "account": "123456789012", "time": "2026-11-27T21:00:00Z", "region": "eu-west-3",
  "resources": ["arn:aws:scheduler:eu-west-3:123456789012:schedule/default/socialdeclik-Hourly"], "detail": {}})
w('availability/hourly.json', {"version": "0", "id": "7d2e4b91-6a3c-4f08-b5d1-2c9e8a0f4e17", "detail-type": "Scheduled Event",
  "source": "aws.scheduler", "account": "123456789012", "time": "2026-11-27T21:00:00Z", "region": "eu-west-3",
  "resources": ["arn:aws:scheduler:eu-west-3:123456789012:schedule/default/socialdeclik-Hourly"], "detail": {}})
w('recovery/sweep.json', {"version": "0", "id": "8c1e5f0a-55b2-4b6e-9d43-0f3f7a1d2c9b", "detail-type": "Scheduled Event",
  "source": "aws.scheduler", "account": "123456789012", "time": "2026-11-27T21:05:00Z", "region": "eu-west-3",
  "resources": ["arn:aws:scheduler:eu-west-3:123456789012:schedule/default/socialdeclik-Sweep"], "detail": {}})
def ses_event(kind):
    mail = {"timestamp": "2026-11-27T20:10:00.000Z", "source": "no-reply@socialdeclik.example", "messageId": "0102018c-demo",
            "destination": ["ana.martin@example.org"], "tags": {"ses:configuration-set": ["socialdeclik-EmailConfigurationSet"]}}
    if kind == "send":
        # the message tags the notifier sets: the outbox item (base64url of its id) and the part
        # (16 hex digits of the recipient's SHA-256), as SES copies them into mail.tags
        mail["tags"]["outbox"] = [base64.urlsafe_b64encode(b"VERIFY#p-fb").decode().rstrip("=")]
        mail["tags"]["part"] = [hashlib.sha256(b"ana.martin@example.org").hexdigest()[:16]]
        body = {"eventType": "Send", "mail": mail, "send": {}}
    elif kind == "bounce":
        body = {"eventType": "Bounce", "mail": mail, "bounce": {"bounceType": "Permanent", "bounceSubType": "General",
                "bouncedRecipients": [{"emailAddress": "ana.martin@example.org", "action": "failed", "status": "5.1.1"}],
                "timestamp": "2026-11-27T20:10:01.000Z", "feedbackId": "0102018c-bounce"}}
    else:
        body = {"eventType": "Complaint", "mail": mail, "complaint": {"complainedRecipients": [{"emailAddress": "ana.martin@example.org"}],
                "timestamp": "2026-11-27T20:12:00.000Z", "feedbackId": "0102018c-complaint", "complaintFeedbackType": "abuse"}}
    return {"Records": [{"EventSource": "aws:sns", "EventVersion": "1.0",
        "EventSubscriptionArn": "arn:aws:sns:eu-west-3:123456789012:socialdeclik-EmailEventsTopic:2f1c",
        "Sns": {"Type": "Notification", "MessageId": "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
                "TopicArn": "arn:aws:sns:eu-west-3:123456789012:socialdeclik-EmailEventsTopic", "Subject": None,
                "Message": json.dumps(body), "Timestamp": "2026-11-27T20:10:02.000Z", "SignatureVersion": "1",
                "Signature": "EXAMPLE", "SigningCertUrl": "https://sns.eu-west-3.amazonaws.com/cert.pem",
                "UnsubscribeUrl": "https://sns.eu-west-3.amazonaws.com/?Action=Unsubscribe", "MessageAttributes": {}}}]}
w('feedback/permanent-bounce.json', ses_event("bounce"))
w('feedback/complaint.json', ses_event("complaint"))
w('feedback/send.json', ses_event("send"))
