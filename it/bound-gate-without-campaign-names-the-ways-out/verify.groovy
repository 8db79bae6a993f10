def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] OSVI gate: ERROR: invalid configuration (campaignId)') : 'headline missing'
def expected = "This gate is bound to the build (<execution> 'campaign-gate', phase verify), so this build runs it." +
        " In the release job, give the campaign: -Dosvi.campaignId=<id>. Elsewhere, keep the gate out of the build:" +
        " move the <execution> into a profile that only the CI job turns on (-P), or skip it with -Dosvi.skip=true;" +
        " or remove the <execution> and run the gate from the command line only: mvn osvi:await-campaign -Dosvi.campaignId=<id>."
assert log.contains(expected) : 'the ways out are missing'
assert log.contains('BUILD FAILURE') : 'a bound gate without a campaign stays an error'
def summary = new File(basedir, 'target/step-summary.md').text
assert summary.contains('OSVI gate: ERROR: invalid configuration (campaignId)') : "step summary: ${summary}"
assert summary.contains('Missing campaignId (osvi.campaignId)') && summary.contains('Dosvi.skip=true') : "step summary: ${summary}"
