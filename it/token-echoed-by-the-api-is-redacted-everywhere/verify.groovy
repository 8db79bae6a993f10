context.api.close()
// Put together so that this file does not hold the token literally (see invoker.properties).
def token = 'itTokenEcho' + '00001'
def log = new File(basedir, 'build.log').text
assert context.api.requests() >= 3 : "too few requests: ${context.api.requests()}"
// what the API sent is quoted, redacted: in progress lines, the TIMEOUT message (by_status keys) and the redirect
assert log.contains('[ERROR] OSVI gate: ERROR 2 campaigns: 7 TIMEOUT, 8 ERROR') : 'summary line missing'
assert log.contains('calls (****') : 'the echoed by_status key is not quoted redacted'
assert log.contains('Campaign 7 "Echo ****"') : 'the campaign name is not quoted redacted'
assert log.contains('upstream rejected ****') : 'the error text is not quoted redacted'
assert log.contains('redirects to https://moved.example/****/status') : 'the Location is not quoted redacted'
assert log.contains('on project standalone-pom: Campaign 7 did not complete in time:') : 'failure message missing'
assert new File(basedir, 'target/osvi/campaign-7.json').isFile()
assert new File(basedir, 'target/osvi/TEST-osvi-campaign-8.xml').isFile()
assert new File(basedir, 'target/step-summary.md').isFile()
// the results for later jobs quote the campaign name and the by_status keys: redacted there too
def outputs = ai.osvi.it.GithubOutputFile.read(new File(basedir, 'target/github-output.txt').toPath())
assert outputs['7-campaign-name'] == 'Echo ****' && outputs['7-verdict'] == 'TIMEOUT' && outputs['verdict'] == 'ERROR'
assert outputs.containsKey('7-ratio-____') : "the echoed by_status key should give a redacted name: ${outputs.keySet()}"
def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())
assert dotenv['OSVI_7_VERDICT'] == 'TIMEOUT' && dotenv['OSVI_VERDICT'] == 'ERROR'
ai.osvi.it.ItSimulator.assertTokenNeverWritten(basedir, token)
// the token's tail too: a token that lost its first letter to a JSON escape must not survive either
ai.osvi.it.ItSimulator.assertTokenNeverWritten(basedir, token.substring(1))
true
