// Shared by the history import's tests and its bench: how a sheet with an archive's usual columns is mapped.

/**
 * The mapping of a sheet of past incidents with the columns of the sample file and the bench's file (place by
 * kecamatan and kab/kota name), as `suggestMapping` finds it; the sample file adds a groups column.
 */
export const ARCHIVE_MAPPING = {
  date: 'Tanggal',
  place: ['Kecamatan', 'Kabupaten/Kota'],
  type: 'Jenis',
  description: 'Uraian',
  injured: 'Luka',
  dead: 'Meninggal',
  displaced: 'Mengungsi',
  source: 'Sumber',
};
