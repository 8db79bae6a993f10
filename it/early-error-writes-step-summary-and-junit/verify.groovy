def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] OSVI gate: ERROR: invalid configuration (campaignId)') : 'headline missing'
def summary = new File(basedir, 'target/step-summary.md').text
assert summary.startsWith('### \u274c OSVI gate: ERROR: invalid configuration (campaignId)') : "step summary: ${summary}"
assert summary.contains('The gate stopped before its first request, so no campaign was judged.') : "step summary: ${summary}"
assert summary.contains('> Missing campaignId (osvi.campaignId): say which campaign to await, e.g. -Dosvi.campaignId=7') : "step summary: ${summary}"
def junit = new File(basedir, 'target/osvi/TEST-osvi-campaign-not-started.xml')
assert junit.isFile() : 'JUnit report missing'
def xml = junit.text
assert xml.contains('errors="1"') : xml
assert xml.contains('<error type="NotStarted" message="OSVI gate: ERROR: invalid configuration (campaignId)">Missing campaignId (osvi.campaignId)') : xml
def outputs = ai.osvi.it.GithubOutputFile.read(new File(basedir, 'target/github-output.txt').toPath())
assert outputs['verdict'] == 'ERROR' && outputs['summary'] == 'OSVI gate: ERROR: invalid configuration (campaignId)' : "outputs: ${outputs}"
assert log.contains('BUILD FAILURE')
