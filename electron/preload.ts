// Runs sandboxed before the popover page: exposes the contract API as window.harvestTray and
// nothing else. Built as CommonJS (electron.vite.config.ts) because sandboxed preloads cannot be ESM.
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL } from './desktop/bridge/names';
import { createRendererApi } from './desktop/bridge/preload/rendererApi';

contextBridge.exposeInMainWorld(API_GLOBAL, createRendererApi(ipcRenderer));
