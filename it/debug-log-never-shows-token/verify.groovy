def simulator = ai.osvi.it.ItSimulator.stop(context)
// Put together so that this file does not hold the token literally (see invoker.properties).
def token = 'itTokenDebug' + '0001'
def log = new File(basedir, 'build.log').text
assert simulator.requests() && simulator.requests().every { it.authorized() } : "the token was not sent: ${simulator.requests()}"
assert log.contains('[INFO] OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls') : 'summary line missing'
assert log.contains('BUILD SUCCESS')
// -X really turned on DEBUG, HttpClient's included (Maven's log shows no logger names, so look for its messages).
// Maven 3.9+ and 4 log "Configuring mojo execution '...:await-campaign:default-cli'", Maven 3.6.3 "Configuring mojo '...:await-campaign'".
assert log =~ /(?m)^\[DEBUG\] Configuring mojo (execution )?'ai\.osvi:osvi-maven-plugin:1\.0\.0-SNAPSHOT:await-campaign(:default-cli)?' with basic configurator/ : 'Maven did not log at DEBUG'
assert log =~ /(?m)^\[DEBUG\] ex-\d+ executing GET \/v1\/campaigns\/7\/status$/ : "HttpClient's DEBUG lines missing"
assert !(log =~ /http-outgoing-\d+ >> /) : 'HttpClient logged request headers or the wire'
assert !log.contains('API-Token') : 'the API-Token header was logged'
def scanned = []
def leaks = []
basedir.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    byte[] bytes = file.bytes
    if (!bytes.contains((byte) 0)) {
        scanned << file.name
        if (new String(bytes, 'UTF-8').contains(token)) {
            leaks << file
        }
    }
}
assert scanned.containsAll(['build.log', 'maven.config', 'invoker.properties']) : "too few files scanned: ${scanned}"
assert !leaks : "the token appears in ${leaks}"
