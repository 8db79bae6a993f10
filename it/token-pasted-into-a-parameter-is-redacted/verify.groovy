def log = new File(basedir, 'build.log').text
assert log.contains("Invalid campaignId (osvi.campaignId) '****': not a whole number.") : 'the message, redacted, missing'
def written = [new File(basedir, 'build.log')]
new File(basedir, 'target').eachFileRecurse { if (it.isFile()) written << it }
assert written.size() >= 4 : "expected the log, the JUnit report, the summary, the outputs and osvi.env: ${written}"
written.each { file ->
    def text = file.getText('UTF-8')
    assert !text.toLowerCase().contains('ittokenpasted') : "the token leaked into ${file}"
}
assert new File(basedir, 'target/osvi/TEST-osvi-campaign-not-started.xml').text.contains('****')
assert !(log =~ /(?m)^(\tat |    at )/) : 'a stack trace was printed'
assert log.contains('::error title=') : 'the workflow annotation missing'
assert log.contains('BUILD FAILURE')
