def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
assert log.contains('-Dosvi.campaignId=42 is overridden by this execution\'s configuration in the pom (campaignId = 7), so'
        + ' the gate would use 7. Remove <campaignId> from the pom\'s configuration, or write'
        + ' <campaignId>${osvi.campaignId}</campaignId> there so that the command line can set it.') : 'override message missing'
assert !log.contains('-Dosvi.timeout=2m is overridden') : 'a forwarded property is used as given'
assert !log.contains('-Dosvi.maxFailureRatio=5% is overridden') : 'the same value is fine'
assert simulator.requests().isEmpty() : "no request may be sent, but got ${simulator.requests()}"
assert log.contains('BUILD FAILURE')
