import { z } from 'zod';
import { CalendarDay, Instant } from '../calendar-date.ts';
import { levelOfCode, RegionCode } from '../regions.ts';
import { VersionedRecord } from '../replies.ts';

/** A code of the editable lists (pillar types, skills): lower case, digits and underscores. */
export const ListCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'kode huruf kecil, angka atau _');

export const PillarStatus = z.enum(['aktif', 'nonaktif']);
export type PillarStatus = z.infer<typeof PillarStatus>;

/** siaga: on call; libur: off duty. */
export const Availability = z.enum(['siaga', 'libur']);
export type Availability = z.infer<typeof Availability>;

export const CalendarDate = CalendarDay;

export const Training = z.object({
  name: z.string().trim().min(2).max(200),
  date: CalendarDate.nullable().default(null),
  certificateNumber: z.string().trim().max(100).nullable().default(null),
});
export type Training = z.infer<typeof Training>;

/** A desa or kelurahan code: pillars live in a desa. */
export const DesaCode = RegionCode.refine((code) => levelOfCode(code) === 'desa', 'kode desa/kelurahan');

const Until = Instant().nullable();

/** What a manager types to register a pillar. */
export const PillarInput = z.object({
  pillarType: ListCode,
  name: z.string().trim().min(2, 'Nama minimal 2 huruf').max(120),
  nik: z.string().max(40).nullable().default(null),
  phone: z.string().max(40).nullable().default(null),
  homeRegionCode: DesaCode,
  skills: z.array(ListCode).max(30).default([]),
  trainings: z.array(Training).max(100).default([]),
  status: PillarStatus.default('aktif'),
  availability: Availability.default('siaga'),
  availabilityUntil: Until.default(null),
  userId: z.uuid().nullable().default(null),
});
export type PillarInput = z.input<typeof PillarInput>;

/** A change to a pillar, from the version the editor saw. */
export const PillarChanges = z
  .object({
    pillarType: ListCode,
    name: z.string().trim().min(2).max(120),
    nik: z.string().max(40).nullable(),
    phone: z.string().max(40).nullable(),
    homeRegionCode: DesaCode,
    skills: z.array(ListCode).max(30),
    trainings: z.array(Training).max(100),
    status: PillarStatus,
    availability: Availability,
    availabilityUntil: Until,
    userId: z.uuid().nullable(),
  })
  .partial()
  .extend({ version: z.number().int().positive() });
export type PillarChanges = z.infer<typeof PillarChanges>;

/** A pillar as the API shows it; nik and phone are masked unless the viewer manages the registry. */
export const Pillar = z.object({
  id: z.uuid(),
  pillarType: z.string(),
  name: z.string(),
  nik: z.string().nullable(),
  phone: z.string().nullable(),
  isMasked: z.boolean(),
  homeRegionCode: z.string(),
  homeRegionName: z.string(),
  kecamatanCode: z.string(),
  kabkotaCode: z.string(),
  skills: z.array(z.string()),
  trainings: z.array(Training),
  status: PillarStatus,
  availability: Availability,
  availabilityUntil: z.string().nullable(),
  /** Availability now: the stored one, flipped once its `until` has passed. */
  currentAvailability: Availability,
  userId: z.string().nullable(),
  ...VersionedRecord.shape,
});
export type Pillar = z.infer<typeof Pillar>;

export const ListItem = z.object({
  code: z.string(),
  label: z.string(),
  sortOrder: z.number(),
  isActive: z.boolean(),
});
export type ListItem = z.infer<typeof ListItem>;

export const ListItemInput = z.object({
  label: z.string().trim().min(2).max(100),
  sortOrder: z.number().int().min(0).max(10000).default(100),
  isActive: z.boolean().default(true),
});

/** Availability now: `until` bounds the stored state, after which it flips. */
export function currentAvailability(availability: Availability, until: Date | null, now: Date): Availability {
  if (!until || until.getTime() > now.getTime()) return availability;
  return availability === 'siaga' ? 'libur' : 'siaga';
}
