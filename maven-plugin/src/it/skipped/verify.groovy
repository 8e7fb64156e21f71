def log = new File(basedir, 'build.log').text

assert log.contains('netlint: skipped') : 'build.log does not say the check was skipped'
assert !log.contains('NL101') : 'the check ran although it was skipped'
assert !new File(basedir, 'target/netlint').exists() : 'reports were written although skipped'
return true
