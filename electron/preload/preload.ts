// Sandboxed preload: exposes exactly window.kiosk (a KioskApi) and never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import type { KioskApi } from '../../shared/contract/api';
import { createKioskApi } from '../../shared/contract/client';

const kiosk: KioskApi = createKioskApi((channel, payload) => ipcRenderer.invoke(channel, payload));
contextBridge.exposeInMainWorld('kiosk', kiosk);
