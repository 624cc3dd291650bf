// The English table of the core messages. Indonesian comes first and is built in; this table is fetched only
// when someone picks English (src/web/lang.ts), so a phone that never switches does not download it. The
// server imports it for English text. Importing this module registers the table.
import { type CoreMessageKey, registerMessages } from '../i18n.ts';

const en: Record<CoreMessageKey, string> = {
  'app.name': 'Sigap',
  'app.tagline': 'Social conflict prevention and handling',
  'app.owner': 'East Java Provincial Social Affairs Office',

  'common.skipToContent': 'Skip to main content',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',

  'lang.switchLabel': 'Bahasa / Language',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'login.title': 'Sign in to Sigap',
  'login.intro': 'Use the account given to you by the Social Affairs Office or your regency/city operator.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.required': 'Enter your username and password.',
  'login.forgot': 'Forgot your password? Ask the Sigap operator of your regency/city to reset it.',

  'shell.signOut': 'Sign out',
  'shell.menu': 'Main menu',
  'shell.signedInAs': 'Signed in as',
  'shell.nextSteps': 'Next steps',
  'shell.home': 'Back to the start page',

  'role.relawan': 'Volunteer',
  'role.operator': 'Regency/city operator',
  'role.koordinator': 'Bakorwil coordinator',
  'role.provinsi': 'Provincial Social Affairs Office',
  'role.mitra': 'Partner agency',
  'role.admin': 'Administrator',

  'nav.lapor': 'Report',
  'nav.tugas': 'My tasks',
  'nav.kotakKeluar': 'Outbox',
  'nav.kotakMasuk': 'Inbox',
  'nav.kasus': 'Cases',
  'nav.pilar': 'Social pillars',
  'nav.dasbor': 'Dashboard',
  'nav.evaluasi': 'Evaluation',
  'nav.peringatanDini': 'Early warning',
  'nav.disposisi': 'Referrals',
  'nav.pengguna': 'Users',
  'nav.wilayah': 'Regions & Bakorwil',
  'nav.pengaturan': 'Settings',
  'nav.akun': 'Change password',
  'nav.lokakarya': 'Workshops',
  'nav.praktikBaik': 'Lessons learned',
  'nav.webhook': 'Webhooks',

  'purpose.lapor':
    'Send a report of a potential or actual social conflict from the field: what happened, in which village, when, and who is affected. Vulnerable groups — children, older people, people with disabilities, pregnant women — are recorded first so they are helped first.',
  'purpose.tugas':
    'Tasks your regency/city operator gave you: checking a report on the ground, accompanying affected residents, or reporting how things develop.',
  'purpose.kotakKeluar':
    'Reports you have written that have not reached the server yet, for example because there was no signal. They stay safely on this phone until they are sent.',
  'purpose.kotakMasuk':
    'New reports from volunteers and social pillars in your regency/city that nobody has checked yet. Reports that mention vulnerable groups come first.',
  'purpose.kasus':
    'Social conflict cases in your area with their phase — prevention, cessation, recovery or closed — and who is handling them.',
  'purpose.pilar':
    'The social pillars of your regency/city — TKSK, Tagana, PSM, social workers and other volunteers — with the districts they cover and how to reach them.',
  'purpose.dasbor':
    'A summary of your area: reports and cases per phase, cases past their due date, and where they are.',
  'purpose.evaluasi':
    'How well cases were handled — response time, the right phase at the right time, and the recovery of affected residents — to learn and improve.',
  'purpose.peringatanDini':
    'Early-warning levels for social conflict per area — Waspada, Siaga or Awas — set from field reports and passed on to the agencies concerned.',
  'purpose.disposisi':
    'Requests for action from the Social Affairs Office addressed to your agency, with a case summary and a response due date.',
  'purpose.pengguna':
    'Every Sigap account — volunteers, operators, coordinators, provincial staff, partners and administrators — with their role and area.',
  'purpose.wilayah':
    'The regions of East Java by their Kemendagri codes (regency/city, district, village) and which regencies/cities belong to each Bakorwil.',
  'purpose.pengaturan':
    'Settings for all of Sigap, such as the due dates for each phase and the base map source.',
  'purpose.lokakarya':
    'Evaluation workshops and coordination meetings, at least quarterly: participants, attendance, materials and action items tracked to done.',
  'purpose.praktikBaik':
    'Lessons from handled cases shared across regions, because social vulnerability differs from place to place.',
  'purpose.webhook':
    'Addresses of other systems that receive early-warning alerts automatically, signed, with a delivery log.',

  'steps.relawan.lapor':
    'Choose the village where it happened.\nWrite briefly what happened and about how many people are affected, including vulnerable groups.\nPress Send. Without a signal the report waits in the Outbox and is sent by itself once you are connected.',
  'steps.relawan.tugas':
    'Open the task that is due soonest.\nDo it in the field and write down the result.\nMark the task done so your operator knows.',
  'steps.relawan.kotakKeluar':
    'Check whether any report is still waiting.\nWhen the signal returns, reports are sent by themselves; you can also resend them.\nDo not clear the browser data before the outbox is empty.',
  'steps.operator.kotakMasuk':
    'Open the top report and check that it is true; call the reporter if needed.\nMake it a new case, merge it into an existing case, or reject it with a reason.\nAssign the nearest social pillar when someone must check on the ground.',
  'steps.operator.kasus':
    "Update the case's phase and notes after every action.\nRefer the case to a partner (for example Kesbangpol, the police, BPBD) when another agency is needed.\nClose the case once recovery is complete.",
  'steps.operator.pilar':
    'Make sure every district has an active social pillar.\nUpdate contacts and districts when they change.\nAssign field checks from the inbox or from a case.',
  'steps.operator.dasbor':
    'Check the cases past their due date every morning.\nCompare the reports of this week with last week.\nTell your Bakorwil coordinator about any surge in reports.',
  'steps.koordinator.dasbor':
    'Compare the regencies/cities of your Bakorwil.\nFind the areas where reports are rising or cases have been waiting long.\nDiscuss what you find with the operators concerned.',
  'steps.koordinator.kasus':
    'Follow the cases of your Bakorwil, especially those past their due date.\nCall the regency/city operator about cases that are stuck.\nEscalate cases that span several regencies/cities to the province.',
  'steps.koordinator.evaluasi':
    'Choose the period and the regency/city to evaluate.\nReview closed cases and note the lessons.\nSend your recommendations to the regency/city operators.',
  'steps.provinsi.dasbor':
    'See all of East Java by Bakorwil and regency/city.\nWatch the areas at Waspada, Siaga or Awas.\nPrepare coordination meetings from this summary.',
  'steps.provinsi.peringatanDini':
    'Review the areas where reports are rising.\nSet or lift Waspada, Siaga or Awas, with the reason.\nPass the warning on to the operators and partners in that area.',
  'steps.provinsi.evaluasi':
    'Choose the evaluation period.\nCompare case handling across the Bakorwil.\nDownload the evaluation report for the leadership.',
  'steps.mitra.disposisi':
    'Open the newest referral and read its case summary.\nAccept it and name the officer in charge.\nReport the actions taken until the referral is complete.',
  'steps.admin.pengguna':
    'Create accounts for new staff with the right role and area.\nReset the password of users who forgot theirs.\nDeactivate the accounts of staff who have left.',
  'steps.admin.wilayah':
    'Make sure every regency/city belongs to exactly one Bakorwil.\nUpdate the Bakorwil grouping when policy changes.\nCheck region names reported as wrong.',
  'steps.admin.pengaturan':
    'Review the due dates per phase with the Provincial Social Affairs Office.\nSet a base map source if one is available; Sigap also works without one.\nTell users when a setting changes.',
  'steps.lokakarya':
    "Plan this quarter's workshop and invite participants.\nRecord attendance and attach materials.\nRecord action items with an owner and a due date.",
  'steps.praktikBaik':
    "Look for lessons from other regions before handling a similar case.\nWrite the lesson of a closed case.\nSubmit it for a coordinator's review before it is published.",
  'steps.operator.peringatanDini':
    'See the alert level of your area.\nAcknowledge incoming alerts.\nRecord response actions until the alert is closed.',
  'steps.admin.webhook': 'Register a receiving address.\nKeep the signing secret.\nCheck the delivery log.',

  'account.title': 'Change password',
  'account.intro': 'The new password applies at once. Your sessions on other devices will be signed out.',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.newHint': 'At least {min} characters.',
  'account.submit': 'Save new password',
  'account.saving': 'Saving…',
  'account.saved': 'Your password has been changed.',
  'account.required': 'Enter your current password and a new password.',
  'account.tooShort': 'The new password must have at least {min} characters.',
  'account.wrongCurrent': 'The current password is wrong.',

  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not exist or is not available for your role.',

  'error.invalid_credentials': 'Wrong username or password.',
  'error.login_locked': 'Too many sign-in attempts. Try again in {minutes} minutes.',
  'error.login_locked_later': 'Too many sign-in attempts. Try again later.',
  'error.unauthenticated': 'Your session has ended. Please sign in again.',
  'error.csrf_failed': 'The security check failed. Reload the page and try again.',
  'error.validation_failed': 'Some fields are missing or invalid. Please check them.',
  'error.not_found': 'Not found.',
  'error.forbidden': 'Your role is not allowed to do this.',
  'error.too_many_requests': 'Too many requests. Wait a moment and try again.',
  'error.unavailable': 'The service is unavailable. Try again in a moment.',
  'error.internal':
    'Something went wrong on the server. Try again; if it keeps happening, contact the administrator.',
  'error.network': 'Cannot reach the server. Check your internet connection and try again.',
  // ── Field pages: Lapor, Kotak keluar, Tugas saya (keys field.*) ──────────────────────────────────
  'field.page.loadFailed': 'This page could not be loaded. Reload Sigap.',

  'field.report.intro':
    'Required: the kind of report, the kind of conflict, the place, the time and what happened. Fill in the rest if you know it.',
  'field.report.kind': 'Kind of report',
  'field.kind.sinyal': 'Signal (sinyal)',
  'field.kind.kejadian': 'Incident (kejadian)',
  'field.kindHint.sinyal': 'Signs of tension; no clash yet',
  'field.kindHint.kejadian': 'A clash or violence has happened',
  'field.report.conflictType': 'Kind of conflict',
  'field.report.chooseType': 'Choose the kind of conflict',
  'field.conflictType.antar_perguruan_silat': 'Between martial-arts schools (perguruan silat)',
  'field.conflictType.perguruan_silat_vs_warga': 'Martial-arts school against residents',
  'field.conflictType.antar_suporter': 'Between football supporters',
  'field.conflictType.pilkades_pemilu': 'Village head or general election',
  'field.conflictType.sengketa_lahan_sda': 'Land or natural-resource dispute',
  'field.conflictType.sara_agama': 'Ethnic, religious or group tension (SARA)',
  'field.conflictType.antarwarga': 'Between residents',
  'field.conflictType.batas_wilayah': 'Boundary dispute',
  'field.conflictType.lainnya': 'Other',
  'field.report.triggers': 'Triggers (any that apply)',
  'field.trigger.perbedaan_antarperorangan': 'Personal disputes',
  'field.trigger.perbedaan_kebudayaan': 'Cultural differences',
  'field.trigger.perbedaan_kepentingan': 'Clashing interests',
  'field.trigger.perubahan_sosial': 'Social change',
  'field.trigger.informasi_provokatif': 'Provocative information or hoaxes',
  'field.report.place': 'Where it happened',
  'field.report.when': 'When it happened (WIB)',
  'field.report.violenceOngoing': 'Violence is still going on',
  'field.report.description': 'What happened?',
  'field.report.descriptionHint':
    'Tell it briefly, at least {min} characters. Do not write the names of children or victims.',
  'field.report.counts': 'Number of people and houses (estimates)',
  'field.count.involved': 'Involved',
  'field.count.injured': 'Injured',
  'field.count.dead': 'Dead',
  'field.count.displaced': 'Displaced',
  'field.count.housesDamaged': 'Houses damaged',
  'field.stepper.less': 'Fewer: {label}',
  'field.stepper.more': 'More: {label}',
  'field.report.hasVulnerable':
    'Vulnerable people affected? (children, older people, people with disabilities, pregnant women, poor residents)',
  'field.vulnerable.caption': 'People per vulnerable group',
  'field.vulnerable.group': 'Group',
  'field.vulnerable.harmed': 'Hurt',
  'field.vulnerable.displaced': 'Displaced',
  'field.vulnerable.atRisk': 'At risk',
  'field.vulnerable.cell': '{group}: {column}',
  'field.group.lansia': 'Older people',
  'field.group.anak': 'Children',
  'field.group.fakir_miskin': 'Poor residents',
  'field.group.ibu_hamil': 'Pregnant women',
  'field.group.disabilitas': 'People with disabilities',
  'field.report.needs': 'Urgent needs',
  'field.need.kesehatan': 'Health care',
  'field.need.evakuasi': 'Evacuation',
  'field.need.pangan': 'Food',
  'field.need.hunian_sementara': 'Temporary shelter',
  'field.need.psikososial': 'Psychosocial support',
  'field.need.keamanan': 'Security',
  'field.need.mediasi': 'Mediation',
  'field.need.air_bersih': 'Clean water',
  'field.need.lainnya': 'Other',
  'field.priority.label': 'Priority',
  'field.priority.P1': 'most urgent',
  'field.priority.P2': 'urgent',
  'field.priority.P3': 'needs attention',
  'field.priority.P4': 'to watch',
  'field.report.fix': 'The report cannot be sent yet. Please complete:',
  'field.report.needKind': 'Choose signal or incident.',
  'field.report.needType': 'Choose the kind of conflict.',
  'field.report.needPlace': 'Choose the village where it happened.',
  'field.report.needWhen': 'Enter when it happened.',
  'field.report.whenFuture': 'The time cannot be in the future.',
  'field.report.needDescription': 'Tell what happened, at least {min} characters.',
  'field.report.submit': 'Send report',
  'field.report.sending': 'Saving and sending…',
  'field.report.sent': 'Report sent with priority {priority}. Thank you.',
  'field.report.queued':
    'The report is saved on this phone and waiting to be sent. Sigap sends it by itself when there is a signal.',
  'field.report.refused': 'The server refused this report. The reason is in the Outbox.',
  'field.report.unsaved':
    'The report could not be saved on this phone (browser storage is blocked). Try again, or pass it on through your operator.',
  'field.report.another': 'Write another report',
  'field.report.toOutbox': 'Open the Outbox',

  'field.place.search': 'Search for the village',
  'field.place.searchHint':
    'Type at least {min} letters of the village or district name, then choose from the list.',
  'field.place.searching': 'Searching…',
  'field.place.found': '{count} places found.',
  'field.place.foundOffline': 'No signal: {count} places found on this phone.',
  'field.place.none': 'No place has that name.',
  'field.place.noneOffline':
    'No signal, and that name is not saved on this phone yet. Try the district name.',
  'field.place.results': 'Places found',
  'field.place.chosen': 'Place:',
  'field.place.change': 'Change place',
  'field.place.desa': 'Village',
  'field.place.kelurahan': 'Urban village',
  'field.place.kecamatan': 'District',
  'field.place.kecamatanShort': 'Dist.',

  'field.gps.hint': 'GPS coordinates make the place more precise; the village must still be chosen.',
  'field.gps.use': 'Use GPS',
  'field.gps.locating': 'Finding location…',
  'field.gps.fix': 'GPS location: {latitude}, {longitude} (accuracy ± {accuracy} m)',
  'field.gps.remove': 'Remove GPS location',
  'field.gps.denied':
    'Location permission was refused. Allow location for Sigap in the browser settings, or just choose the village.',
  'field.gps.timeout': 'No location in time. Try in the open, or just choose the village.',
  'field.gps.unavailable': 'Location is not available on this phone. Just choose the village.',
  'field.gps.outside': 'The GPS location is outside East Java, so it is not included.',

  'field.photo.legend': 'Photos (optional)',
  'field.photo.hint':
    'Up to {max} photos. Photos are made smaller on the phone before sending, and their location data is removed. Avoid photographing children’s faces.',
  'field.photo.add': 'Take or choose a photo',
  'field.photo.alt': 'Photo {n}',
  'field.photo.remove': 'Remove photo {n}',
  'field.photo.preparing': 'Preparing the photo…',
  'field.photo.unreadable': 'That file cannot be read as a photo.',

  'field.outbox.intro':
    'Everything you make in Sigap is first saved on this phone, then sent. Without a signal it waits here and is sent by itself once you are connected.',
  'field.outbox.syncing': 'Sending…',
  'field.outbox.nothingPending': 'Nothing is waiting to be sent.',
  'field.outbox.pendingCount': '{count} waiting to be sent.',
  'field.outbox.signInToSend': 'Your session has ended. Sign in again to send; the outbox keeps everything.',
  'field.outbox.willRetry': 'Not sent yet: {reason} Sigap tries again by itself.',
  'field.outbox.sendNow': 'Send now',
  'field.outbox.open': 'Open the Outbox',
  'field.outbox.pending': 'Waiting to be sent',
  'field.outbox.failed': 'Needs your attention',
  'field.outbox.sent': 'Sent',
  'field.outbox.status.pending': 'Waiting to be sent',
  'field.outbox.status.sent': 'Sent',
  'field.outbox.status.failed': 'Refused',
  'field.outbox.photo': 'Report photo',
  'field.outbox.madeAt': 'made {time}',
  'field.outbox.sentAt': 'sent {time}',
  'field.outbox.othersItem': 'Made by {name}; sent once {name} signs in on this phone again.',
  'field.outbox.clash':
    'Clash: the server already holds data with the same code but different content, so this was not sent. Contact your operator if it is still needed.',
  'field.outbox.remove': 'Remove from the outbox',

  'field.tasks.none': 'You have no tasks yet.',
  'field.tasks.copy':
    'No signal: this list was saved at {time}. Check-ins and follow-ups are still saved and sent later.',
  'field.tasks.due': 'Due: {time}',
  'field.tasks.log': 'Your notes on this case',
  'field.tasks.vulnerable': 'vulnerable people affected',
  'field.phase.pencegahan': 'Prevention (pencegahan)',
  'field.phase.penghentian': 'Cessation (penghentian)',
  'field.phase.pemulihan': 'Recovery (pemulihan)',
  'field.phase.selesai': 'Closed',
  'field.followUp.check_in': 'Check in',
  'field.followUp.check_out': 'Check out',
  'field.followUp.tindak_lanjut': 'Follow-up',
  'field.followUp.checkInAction': 'Arrived at the location (check in)',
  'field.followUp.checkOutAction': 'Left the location (check out)',
  'field.followUp.add': 'Add a follow-up',
  'field.followUp.note': 'What was done?',
  'field.followUp.noteTooShort': 'Write at least 3 characters.',
  'field.followUp.send': 'Send follow-up',
  // ── end of field pages ──────────────────────────────────────────────────────────────────────────
  'op.page.loadFailed': 'This part could not be loaded. Reload Sigap.',

  'op.steps.koordinator.kotakMasuk':
    'Check the reports escalated to your Bakorwil first.\nAcknowledge them so the deadline is recorded as met.\nCall the regency/city operator concerned when needed.',
  'op.steps.provinsi.kotakMasuk':
    'Check the reports escalated to the province first.\nAcknowledge and verify them, then open a case or add them to one.\nCoordinate with the Bakorwil and the regencies/cities concerned.',
  'op.steps.provinsi.kasus':
    'Follow high-priority cases and those past their deadlines.\nHandle the cases escalated to the province.\nMake sure vulnerable people are referred and followed up.',

  // ── Case page: recording vulnerable people, referrals; dashboard from the Bakorwil (op.people.*, op.referral.*) ──
  // ── end of case-page people and Bakorwil dashboard keys ──

  // ── Evaluation and learning (evaluasi) ─────────────────────────────────────────────────────
  'eval.intro':
    'A routine evaluation, at least quarterly: is the handling of social conflict for vulnerable groups optimal? Every figure opens the records behind it.',
  'eval.scope': 'Scope',
  'eval.period': 'Period',
  'eval.show': 'Show',
  'eval.province': 'East Java province',
  'eval.quarter': 'Quarter {q} {year}',
  'eval.year': 'Year {year}',
  'eval.current': 'This period',
  'eval.previous': 'Previous period',
  'eval.generatedAt': 'Computed {time}',
  'eval.reports': 'Reports',
  'eval.timings': 'Speed of handling',
  'eval.cases': 'Cases',
  'eval.referrals': 'Referrals of vulnerable people',
  'eval.alerts': 'Early warning',
  'eval.alertsUnavailable': 'Early-warning data is not available yet.',
  'eval.pillars': 'Social pillars',
  'eval.sinergi': 'Kab/kota side by side (sinergi)',
  'eval.definitions': 'Definitions',
  'eval.group': 'Group',
  'eval.measured': 'Measured',
  'eval.deadline': 'Deadline',
  'eval.chartReports': 'Reports per kab/kota',
  'eval.chartAck': 'Median time to acknowledge per kab/kota',
  'eval.chartDeadline': 'P1 deadline',
  'eval.yes': 'Yes',
  'eval.no': 'No',
  'eval.noData': 'No data yet',
  'eval.files': 'Download the report',
  'eval.downloadPdf': 'Make PDF',
  'eval.downloadXlsx': 'Make XLSX',
  'eval.making': 'Making {format}… {percent}%',
  'eval.ready': 'Download {format}',
  'eval.failed': 'The report could not be made: {reason}',
  'eval.figure': 'Figure',
  'eval.kabkota': 'Kab/kota',
  'eval.coverage': '{type}: {met} of {areas} {level} meet the target, {shortfall} pillars short',
};

registerMessages({ en });
