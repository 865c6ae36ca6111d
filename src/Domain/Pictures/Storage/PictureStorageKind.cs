namespace ETicket.Domain.Pictures.Storage;

public enum PictureStorageKind { DataDirectory, S3 }
