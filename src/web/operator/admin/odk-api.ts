// The device-token calls of the ODK Collect page. Types only come from the shared schemas.
import type { OdkDevice, OdkDeviceCreated } from '../../../shared/odk.ts';
import { request } from '../../api.ts';

export type { OdkDevice, OdkDeviceCreated };

export const listOdkDevices = () => request<{ items: OdkDevice[] }>('GET', '/api/odk/devices');
export const createOdkDevice = (body: { username: string; label: string }) =>
  request<OdkDeviceCreated>('POST', '/api/odk/devices', body);
export const revokeOdkDevice = (id: string) => request<OdkDevice>('DELETE', `/api/odk/devices/${id}`);
