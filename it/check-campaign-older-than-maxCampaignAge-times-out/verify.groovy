def log = new File(basedir, 'build.log').text
def timeout = /OSVI gate: TIMEOUT campaign 7: not complete \S+ after it was created, more than maxCampaignAge \S+$/
assert log.readLines().any { it =~ timeout } : 'TIMEOUT line missing'
// the age is measured from created_at with its offset, which the message shows as the API sent it
assert log.contains('Created at 2026-06-01T10:00:00+05:30. Check the campaign in OSVI, or raise maxCampaignAge.')
assert !log.contains('OSVI gate: RUNNING') : 'an old campaign must not be RUNNING again'
def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())
assert dotenv['OSVI_VERDICT'] == 'TIMEOUT' && dotenv['OSVI_BUILD_OUTCOME'] == 'ERROR' : "${dotenv}"
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/osvi/campaign-7.json'))
assert json.verdict == 'TIMEOUT' && json.wait.outcome == 'RUNNING' : "${json.verdict} ${json.wait.outcome}"
assert log.contains('BUILD FAILURE')
