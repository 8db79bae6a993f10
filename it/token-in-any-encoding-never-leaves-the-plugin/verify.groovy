context.api.close()
def token = 'itTokenCode' + '00001'
def log = new File(basedir, 'build.log').text
assert log.contains('appears more than once') : 'the duplicate name must be refused'
assert log.contains('by_status.****') : 'the duplicate name must be quoted redacted'
assert log.contains('redirects to https://moved.example/****/status') : 'the percent-encoded Location must be quoted redacted'
assert log.contains('on project standalone-pom: ') : 'build-failure message missing'
ai.osvi.it.ItSimulator.assertTokenNeverWritten(basedir, token)
ai.osvi.it.ItSimulator.assertTokenNeverWritten(basedir, token.substring(1))
ai.osvi.it.ItSimulator.assertTokenNeverWritten(basedir, '%69%74%54')
assert log.contains("Unrecognized token 'xxxx") : 'the UTF-16 body must be refused as not JSON'
ai.osvi.it.ItSimulator.assertTokenNeverWritten(basedir, token.substring(0, 5))
assert log.contains('BUILD FAILURE')
